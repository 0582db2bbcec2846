package org.ftsim.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Each detector on constructed reports whose answer is worked by hand. */
class DetectorKnownAnswerTest {

  private static float[][] scalars(double... values) {
    float[][] rows = new float[values.length][];
    for (int i = 0; i < values.length; i++) {
      rows[i] = new float[] {(float) values[i]};
    }
    return rows;
  }

  /** 16 honest reports around one gradient, workers 0..4 replaced by {@code factor} × theirs. */
  private static float[][] honestAndScaled(int d, double factor, long seed) {
    Random random = new Random(seed);
    float[] base = new float[d];
    for (int j = 0; j < d; j++) {
      base[j] = (float) random.nextGaussian();
    }
    float[][] rows = new float[16][d];
    for (int w = 0; w < 16; w++) {
      for (int j = 0; j < d; j++) {
        rows[w][j] = base[j] + 0.5f * (float) random.nextGaussian();
        if (w < 5) {
          rows[w][j] *= (float) factor;
        }
      }
    }
    return rows;
  }

  private static boolean[] firstFive() {
    boolean[] expected = new boolean[16];
    for (int w = 0; w < 5; w++) {
      expected[w] = true;
    }
    return expected;
  }

  @Test
  void zscoreByHand() {
    // median 2; distances 2 1 0 1 98; their median 1, MAD 1; z = (d - 1) / 1.4826.
    Detection d = new RobustZScore(3.5).detect(scalars(0, 1, 2, 3, 100));
    double s = 1.4826;
    assertArrayEquals(new double[] {1 / s, 0, -1 / s, 0, 97 / s}, d.suspicion(), 1e-12);
    assertArrayEquals(new boolean[] {false, false, false, false, true}, d.flagged());
  }

  @Test
  void zscoreFlagsExactlyTheScaledWorkers() {
    Detection d = new RobustZScore(3.5).detect(honestAndScaled(1000, 10, 7));
    assertArrayEquals(firstFive(), d.flagged());
  }

  @Test
  void zscoreFlagsNonFiniteReportsAndSkipsMissingOnes() {
    float[][] rows = scalars(0, 1, 2, 3, 4);
    rows[1] = new float[] {Float.NaN};
    rows[2] = new float[] {Float.NEGATIVE_INFINITY};
    rows[3] = null;
    Detection d = new RobustZScore(3.5).detect(rows);
    assertArrayEquals(new boolean[] {false, true, true, false, false}, d.flagged());
    assertEquals(Double.POSITIVE_INFINITY, d.suspicion()[1]);
    assertTrue(Double.isNaN(d.suspicion()[3]));
  }

  @Test
  void zscoreWithZeroSpreadFlagsAnyLargerDistance() {
    Detection d = new RobustZScore(3.5).detect(scalars(1, 1, 1, 1, 1.001));
    assertArrayEquals(new boolean[] {false, false, false, false, true}, d.flagged());
    Detection same = new RobustZScore(3.5).detect(scalars(1, 1, 1));
    assertArrayEquals(new boolean[3], same.flagged());
  }

  @Test
  void reputationKeepsAWorkerFlaggedOnceUnderWatch() {
    Reputation r = new Reputation(5, 1, 10);
    // Step 1: z = 65.4, capped to 10: s = 9.
    assertTrue(r.detect(scalars(0, 1, 2, 3, 100)).flagged()[4]);
    assertEquals(9, r.suspicion()[4], 1e-12);
    // Step 2: honest-looking, z = -0.5 / (1.4826 * 0.5): s = 9 - 0.6745 - 1, still above 5.
    Detection d = r.detect(scalars(0, 1, 2, 3, 1.5));
    assertEquals(9 - 1 / 1.4826 - 1, d.suspicion()[4], 1e-12);
    assertArrayEquals(new boolean[] {false, false, false, false, true}, d.flagged());
  }

  @Test
  void reputationCatchesAMildOutlierThatZscoreNeverFlags() {
    // Distances 2 1 0 1 4: z4 = 3 / 1.4826 = 2.0235 < 3.5 at every step; s grows by 1.0235.
    Reputation r = new Reputation(5, 1, 10);
    RobustZScore z = new RobustZScore(3.5);
    for (int step = 1; step <= 6; step++) {
      float[][] rows = scalars(0, 1, 2, 3, 6);
      assertFalse(z.detect(rows).flagged()[4]);
      Detection d = r.detect(rows);
      assertEquals(step * (3 / 1.4826 - 1), d.suspicion()[4], 1e-9);
      assertEquals(step >= 5, d.flagged()[4], "step " + step);
      assertFalse(d.flagged()[0] || d.flagged()[1] || d.flagged()[2] || d.flagged()[3]);
    }
  }

  @Test
  void reputationStateRoundTrips() {
    Reputation a = new Reputation(5, 1, 10);
    a.detect(scalars(0, 1, 2, 3, 6));
    a.detect(scalars(0, 1, 2, 3, 6));
    Reputation b = new Reputation(5, 1, 10);
    b.restore(a.state());
    assertArrayEquals(
        a.detect(scalars(0, 1, 2, 3, 6)).suspicion(), b.detect(scalars(0, 1, 2, 3, 6)).suspicion());
  }

  @Test
  void cosineSplitFlagsTheSignFlippedMinority() {
    Detection d = new CosineSplit(0.4).detect(honestAndScaled(1000, -1, 3));
    assertArrayEquals(firstFive(), d.flagged());
  }

  @Test
  void cosineSplitIsBlindToScale() {
    Detection d = new CosineSplit(0.4).detect(honestAndScaled(1000, 10, 3));
    assertArrayEquals(new boolean[16], d.flagged());
  }

  @Test
  void cosineSplitFlagsNothingAmongUnrelatedDirections() {
    Random random = new Random(11);
    float[][] rows = new float[16][1000];
    for (float[] row : rows) {
      for (int j = 0; j < row.length; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    assertArrayEquals(new boolean[16], new CosineSplit(0.4).detect(rows).flagged());
  }

  @Test
  void cosineSplitByHand() {
    // Rows 0-2 one way, 3-4 the opposite way: distances 0 within, 2 across; silhouette 1.
    float[][] rows = {{1, 0}, {2, 0}, {3, 0}, {-1, 0}, {-5, 0}};
    double[][] distance = CosineSplit.cosineDistances(rows);
    assertEquals(2, distance[0][3], 1e-12);
    assertEquals(0, distance[0][2], 1e-12);
    boolean[] minority = CosineSplit.split(distance);
    assertArrayEquals(new boolean[] {false, false, false, true, true}, minority);
    assertEquals(1, CosineSplit.silhouette(distance, minority), 1e-12);
    Detection d = new CosineSplit(0.4).detect(rows);
    assertArrayEquals(minority, d.flagged());
    assertArrayEquals(new double[] {0, 0, 0, 2, 2}, d.suspicion(), 1e-12);
  }

  @Test
  void cosineSplitFlagsNonFiniteAndNeverAHalf() {
    float[][] rows = {{1, 0}, {1, 0.1f}, {-1, 0}, {-1, 0.1f}, {Float.NaN, 0}, null};
    Detection d = new CosineSplit(0.4).detect(rows);
    assertArrayEquals(new boolean[] {false, false, false, false, true, false}, d.flagged());
  }
}
