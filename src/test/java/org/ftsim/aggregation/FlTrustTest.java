package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** FLTrust against a case worked by hand, and its refusals. */
class FlTrustTest {

  @Test
  void trustIsTheClippedCosineAndEveryReportTakesTheRootNorm() {
    // Root (1, 0), norm 1. Reports: (2, 0): cos 1; (3, 3): cos 1/√2; (-5, 0): cos -1 → 0;
    // NaN: 0. Rescaled to norm 1: (1, 0) and (1/√2, 1/√2). Aggregate:
    // [1·(1, 0) + (1/√2)·(1/√2, 1/√2)] / (1 + 1/√2) = (1.5, 0.5) / 1.7071.
    float[][] rows = {{2, 0}, {3, 3}, {-5, 0}, {Float.NaN, 1}};
    Aggregation a = new FlTrust().aggregate(rows, new float[] {1, 0});
    double total = 1 + 1 / Math.sqrt(2);
    assertEquals(1.5 / total, a.gradient()[0], 1e-6);
    assertEquals(0.5 / total, a.gradient()[1], 1e-6);
    assertEquals(2, a.kept());
    assertArrayEquals(new boolean[] {true, true, false, false}, a.used());
  }

  @Test
  void noTrustedReportGivesNoUpdate() {
    Aggregation a = new FlTrust().aggregate(new float[][] {{-1, 0}, {0, 1}}, new float[] {1, 0});
    assertArrayEquals(new float[] {0, 0}, a.gradient());
    assertEquals(0, a.kept());
  }

  @Test
  void aMissingOrNonFiniteRootIsRefused() {
    float[][] rows = {{1, 0}};
    assertThrows(IllegalArgumentException.class, () -> new FlTrust().aggregate(rows, null));
    assertThrows(
        IllegalArgumentException.class, () -> new FlTrust().aggregate(rows, new float[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FlTrust().aggregate(rows, new float[] {Float.NaN, 0}));
  }
}
