package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Selection against sorting, on values with ties and infinities. */
class OrderStatisticsTest {

  private static float[] values(SplittableRandom random, int n) {
    float[] a = new float[n];
    for (int i = 0; i < n; i++) {
      int kind = random.nextInt(10);
      a[i] =
          kind == 0
              ? Float.POSITIVE_INFINITY
              : kind == 1
                  ? Float.NEGATIVE_INFINITY
                  : kind < 5 ? random.nextInt(4) : (float) random.nextGaussian();
    }
    return a;
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void selectPartitionsAroundTheRank(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 1; n <= 40; n++) {
      float[] a = values(random, n);
      float[] sorted = a.clone();
      Arrays.sort(sorted);
      for (int k = 0; k < n; k++) {
        float[] b = a.clone();
        OrderStatistics.select(b, 0, n, k);
        assertEquals(sorted[k], b[k]);
        for (int i = 0; i < k; i++) {
          assertTrue(b[i] <= b[k]);
        }
        for (int i = k + 1; i < n; i++) {
          assertTrue(b[i] >= b[k]);
        }
        float[] c = b.clone();
        Arrays.sort(c);
        assertEquals(Arrays.toString(sorted), Arrays.toString(c), "a permutation");
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void closestToMedianMatchesSorting(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 1; n <= 25; n++) {
      for (int keep = 1; keep <= n; keep++) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
          a[i] = random.nextInt(3) == 0 ? random.nextInt(5) : (float) random.nextGaussian();
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = a[i];
        }
        double expected = BruteForce.meanClosestToMedian(v, keep) * keep;
        float[] range = new float[2];
        double sum =
            OrderStatistics.sumClosestToMedian(a, n, keep, new double[n], new double[n], range);
        assertEquals(expected, sum, 1e-9, "n=" + n + " keep=" + keep);
        assertTrue(range[0] <= range[1]);
      }
    }
  }
}
