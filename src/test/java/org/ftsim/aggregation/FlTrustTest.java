package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
  void theRegisteredRuleAggregatesThroughTheDefenseWithTheStepsRoot() {
    // Root (0, 2), norm 2. Reports: (0, 1): cos 1 → (0, 2); (3, 4): cos 0.8 → (1.2, 1.6); (0, -7):
    // cos −1 → 0. Aggregate: [1·(0, 2) + 0.8·(1.2, 1.6)] / 1.8 = (0.96, 3.28) / 1.8.
    float[][] rows = {{0, 1}, {3, 4}, {0, -7}};
    float[] root = {0, 2};
    Aggregator rule = AggregatorRegistry.create("fltrust", 1);
    assertTrue(rule.needsRoot());
    assertEquals(1, rule.tolerated());
    Defense defense = Defense.parse("fltrust", "", 1, 3);
    assertTrue(defense.needsRoot());
    defense.checkFeasible(3, 1);
    Aggregation a = defense.apply(rows, null, root);
    assertEquals(0.96 / 1.8, a.gradient()[0], 1e-6);
    assertEquals(3.28 / 1.8, a.gradient()[1], 1e-6);
    assertEquals(2, a.kept());
    assertArrayEquals(new boolean[] {true, true, false}, a.used());
    assertArrayEquals(a.gradient(), rule.aggregate(rows, root).gradient());
    // Without the root gradient (no --root-samples) it refuses, naming the flag.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> defense.apply(rows, null));
    assertTrue(e.getMessage().contains("--root-samples"), e.getMessage());
    assertFalse(Defense.parse("median", "", 1).needsRoot());
  }

  @Test
  void preAggregatorsRunBeforeTheTrustScores() {
    // clip:1 first: (0, 1) stays, (3, 4) → (0.6, 0.8), (0, −7) → (0, −1); FLTrust's rescaling to
    // the root's norm undoes the clipping, so the aggregate is the one without it.
    float[][] rows = {{0, 1}, {3, 4}, {0, -7}};
    float[] root = {0, 2};
    assertArrayEquals(
        Defense.parse("fltrust", "", 1).apply(rows, null, root).gradient(),
        Defense.parse("fltrust", "clip:1", 1).apply(rows, null, root).gradient(),
        1e-6f);
  }

  @Test
  void aMissingOrNonFiniteRootIsRefused() {
    float[][] rows = {{1, 0}};
    assertThrows(IllegalArgumentException.class, () -> new FlTrust().aggregate(rows));
    assertThrows(IllegalArgumentException.class, () -> new FlTrust().aggregate(rows, null));
    assertThrows(
        IllegalArgumentException.class, () -> new FlTrust().aggregate(rows, new float[] {1}));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FlTrust().aggregate(rows, new float[] {Float.NaN, 0}));
  }
}
