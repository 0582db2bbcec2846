package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The new attacks inside a {@link FaultPlan}: the same seed gives the same bits; refusals. */
class AttackPlanTest {

  /** The coordinate-wise median, a defense with a known answer for the line search. */
  private static final DefenseProbe MEDIAN =
      (reports, faulty) -> {
        float[] out = new float[reports[0].length];
        for (int j = 0; j < out.length; j++) {
          float[] column = new float[reports.length];
          for (int i = 0; i < reports.length; i++) {
            column[i] = reports[i][j];
          }
          java.util.Arrays.sort(column);
          int m = column.length / 2;
          out[j] = column.length % 2 == 1 ? column[m] : (column[m - 1] + column[m]) / 2;
        }
        return out;
      };

  private static float[][] gradients(long step) {
    java.util.SplittableRandom r = new java.util.SplittableRandom(step);
    float[][] g = new float[7][5];
    for (float[] row : g) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) (r.nextDouble() * 2 - 1);
      }
    }
    return g;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "fang-trim",
        "fang-krum",
        "minmax:std",
        "minsum:sign",
        "signflip-mean",
        "alie-authors",
        "mimic-warmup:2",
        "random:1,0.5",
        "gaussian:0.1,-1",
        "optimal:alie",
        "optimal:minmax",
        "shared:fang-trim",
        "shared:optimal:signflip"
      })
  void theSameSeedGivesTheSameBitsOverSteps(String spec) {
    int[] faulty = {1, 4};
    FaultPlan a = new FaultPlan(7, faulty, spec, Map.of(), 1, 1, 11);
    FaultPlan b = new FaultPlan(7, faulty, spec, Map.of(), 1, 1, 11);
    for (long step = 1; step <= 4; step++) {
      float[][] ra = a.apply(step, gradients(step), MEDIAN);
      float[][] rb = b.apply(step, gradients(step), MEDIAN);
      for (int w = 0; w < 7; w++) {
        assertArrayEquals(ra[w], rb[w], spec + " worker " + w + " step " + step);
      }
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "fang-krum | 5 | 0 1 | fault fang-krum of worker 0: fang-krum needs n - 2f - 1 >= 1 and"
            + " n - f - 2 >= 1; got n=5, f=2",
        "optimal:fang-krum | 5 | 0 1 | fault optimal:fang-krum of worker 0: fang-krum needs n - 2f"
            + " - 1 >= 1 and n - f - 2 >= 1; got n=5, f=2",
        "minmax:std | 3 | 0 1 | fault minmax:std of worker 0: minmax:perturbation=std needs at"
            + " least 2 honest worker(s); got 1",
        "alie-authors | 6 | 0 1 2 3 | fault alie-authors of worker 0: alie-authors needs 1 <= s < n"
            + " - f, with s = floor(n/2 + 1) - f; got n=6, f=4 (s=0)",
        "shared:signflip-mean | 2 | 0 1 | fault shared:signflip-mean of worker 0: signflip-mean"
            + " needs at least 1 honest worker; got 0",
      })
  void infeasiblePlansAreRefusedBeforeTheFirstStep(
      String spec, int workers, String faulty, String message) {
    int[] f = java.util.Arrays.stream(faulty.split(" ")).mapToInt(Integer::parseInt).toArray();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FaultPlan(workers, f, spec, Map.of(), 1, 1, 1));
    assertEquals(message, e.getMessage());
  }
}
