package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The pruned sorting networks against sorting, on values with ties and infinities. */
class SelectionNetworkTest {

  private static float value(SplittableRandom random) {
    int kind = random.nextInt(10);
    return kind == 0
        ? Float.POSITIVE_INFINITY
        : kind == 1
            ? Float.NEGATIVE_INFINITY
            : kind < 5 ? random.nextInt(4) : (float) random.nextGaussian();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void selectedRanksMatchSorting(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int width = 37;
    for (int n = 1; n <= 70; n++) {
      int from = random.nextInt(n);
      int to = from + 1 + random.nextInt(n - from);
      SelectionNetwork network = SelectionNetwork.of(n, from, to);
      float[][] columns = new float[n][width];
      for (float[] c : columns) {
        for (int j = 0; j < width; j++) {
          c[j] = value(random);
        }
      }
      float[][] original = new float[n][];
      for (int r = 0; r < n; r++) {
        original[r] = columns[r].clone();
      }
      network.apply(columns, width);
      for (int j = 0; j < width; j++) {
        float[] sorted = new float[n];
        for (int r = 0; r < n; r++) {
          sorted[r] = original[r][j];
        }
        Arrays.sort(sorted);
        for (int r = from; r < to; r++) {
          assertEquals(sorted[r], columns[r][j], "n=" + n + " rank " + r);
        }
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {2, 3, 8, 16, 100})
  void pruningDropsComparators(int n) {
    int full = SelectionNetwork.of(n, 0, n).comparators();
    int median = SelectionNetwork.of(n, (n - 1) / 2, n / 2 + 1).comparators();
    assertTrue(median <= full);
    if (n == 16) {
      assertEquals(63, full, "Batcher's network on 16 inputs");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4})
  void meamedMatchesSortingByDistance(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (int n = 3; n <= 25; n += 2) {
      int f = random.nextInt((n + 1) / 2);
      float[][] rows = new float[n][9];
      for (float[] row : rows) {
        for (int j = 0; j < 9; j++) {
          row[j] = random.nextInt(3) == 0 ? random.nextInt(5) : (float) random.nextGaussian();
        }
      }
      float[] fast = new MeaMed(f).aggregate(rows).gradient();
      for (int j = 0; j < 9; j++) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
          v[i] = rows[i][j];
        }
        assertEquals(BruteForce.meanClosestToMedian(v, n - f), fast[j], 1e-6, "n=" + n + " f=" + f);
      }
    }
  }
}
