package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Golden values for the rules of issue 18 (MDA, MoNNA, CAF, SMEA from ByzFL; DnC, SignGuard,
 * clipped clustering from Blades; geomed's tolerance and cclip's options from Blades and the
 * bucketing code). ByzFL numbers are its docstring examples ({@code byzfl/aggregators/
 * aggregators.py}, numpy inputs); the others are worked by hand in the comments.
 */
class NewRulesKnownAnswerTest {

  private static final float[][] BYZFL_ROWS = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

  private static Aggregation run(String rule, int f, float[][] rows) {
    return AggregatorRegistry.create(rule, f).aggregate(rows);
  }

  private static void assertVector(double[] expected, float[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], tol, "coordinate " + j);
    }
  }

  @Test
  void byzflDocumentationExamples() {
    // ByzFL MDA(f=1), MoNNA(f=1, idx=0), SMEA(f=1): [2.5, 3.5, 4.5]; CAF(f=1): [4, 5, 6].
    for (String rule : new String[] {"mda", "monna", "smea"}) {
      Aggregation a = run(rule, 1, BYZFL_ROWS);
      assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, a.gradient(), rule);
      assertEquals(2, a.kept(), rule);
      assertArrayEquals(new boolean[] {true, true, false}, a.used(), rule);
    }
    // CAF: the first weighted mean (4, 5, 6) has the only positive eigenvalue (rows 0 and 2 at
    // τ = 27 along (1,1,1)/√3); the update zeroes both, Σc = 1 = n − 2f ends the loop.
    Aggregation caf = run("caf", 1, BYZFL_ROWS);
    assertVector(new double[] {4, 5, 6}, caf.gradient(), 1e-5);
    assertEquals(3, caf.kept());
  }

  @Test
  void mdaAndSmeaByHand() {
    // n = 5, f = 2, one dimension: {0, 1, 2} has diameter 2, every other triple more; for SMEA
    // its scatter Σ(x − 1)² = 2 is also the smallest ({1, 2, 5}: 8.67; {0, 1, 5}: 14).
    float[][] rows = {{5}, {0}, {2}, {1}, {9}};
    for (String rule : new String[] {"mda", "smea"}) {
      Aggregation a = run(rule, 2, rows);
      assertArrayEquals(new float[] {1}, a.gradient(), rule);
      assertArrayEquals(new boolean[] {false, true, true, true, false}, a.used(), rule);
    }
    // Two dimensions: a tight cluster {(0,0), (0,0.1), (0,-0.1)} and (1,0), (-1.2,0); f = 1.
    // Dropping (-1.2,0) leaves diameter √1.01, dropping (1,0) √1.45, dropping a cluster row 2.2.
    float[][] plane = {{0, 0}, {0, 0.1f}, {0, -0.1f}, {1, 0}, {-1.2f, 0}};
    Aggregation mda = run("mda", 1, plane);
    assertArrayEquals(new boolean[] {true, true, true, true, false}, mda.used());
    assertVector(new double[] {0.25, 0}, mda.gradient(), 1e-6);
    assertEquals(4, mda.kept());
  }

  @Test
  void exactSearchesRefuseInfeasibleSizesNamingTheLimit() {
    IllegalArgumentException mda =
        assertThrows(
            IllegalArgumentException.class,
            () -> AggregatorRegistry.create("mda", 10).checkFeasible(30));
    assertEquals(
        "mda needs C(n, f) <= 1000000 subsets (exact search); got n=30, f=10", mda.getMessage());
    IllegalArgumentException smea =
        assertThrows(
            IllegalArgumentException.class,
            () -> AggregatorRegistry.create("smea", 6).checkFeasible(20));
    assertTrue(smea.getMessage().contains("C(n, f) <= 20000"), smea.getMessage());
    assertEquals(142_506, SubsetSearch.binomial(30, 5));
    assertEquals(Long.MAX_VALUE, SubsetSearch.binomial(200, 100));
    AggregatorRegistry.create("mda", 3).checkFeasible(16);
    AggregatorRegistry.create("smea", 3).checkFeasible(16);
  }

  @Test
  void monnaAveragesAroundItsPivot() {
    // Pivot 2 = (7,8,9): its n − f = 2 nearest are itself and (4,5,6).
    Aggregation a = run("monna:2", 1, BYZFL_ROWS);
    assertArrayEquals(new float[] {5.5f, 6.5f, 7.5f}, a.gradient());
    assertArrayEquals(new boolean[] {false, true, true}, a.used());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> run("monna:pivot=3", 1, BYZFL_ROWS));
    assertTrue(e.getMessage().contains("pivot < n"), e.getMessage());
  }

  @Test
  void cafDropsTheOutlierAlongTheTopEigenvector() {
    // n = 5, f = 1; four rows at (±1, 0), (0, ±1) and one at (10, 0). The first mean (2, 0) has
    // its top eigenvector on x, where (10,0) projects farthest: its weight becomes 0 and the
    // others shrink; with Σc ≤ 3 the loop ends. The mean of the smaller-eigenvalue iteration
    // is the second, the weighted mean of the four unit rows: by symmetry of the ±y pair its y
    // is 0, and x lies between -1 and 1.
    float[][] rows = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {10, 0}};
    Aggregation a = run("caf", 1, rows);
    assertEquals(0, a.gradient()[1], 1e-6);
    assertTrue(Math.abs(a.gradient()[0]) < 1, "x = " + a.gradient()[0]);
    assertTrue(!a.used()[4], "the outlier is not used");
  }

  @Test
  void dncRemovesTheRowAlongTheTopSingularVector() {
    // d = 2 < the sampled 10,000 columns: every round sees all coordinates. The centred rows'
    // top direction is (1,1)/√2, towards (10,10), whose projection is the largest: f = 1 drops
    // it in every round. Mean of the rest: (0, 0.025).
    float[][] rows = {{0, 0}, {1, 0}, {-1, 0}, {0, 0.1f}, {10, 10}};
    Aggregation a = run("dnc", 1, rows);
    assertVector(new double[] {0, 0.025}, a.gradient(), 1e-7);
    assertEquals(4, a.kept());
    assertArrayEquals(new boolean[] {true, true, true, true, false}, a.used());
  }

  @Test
  void dncDrawsItsColumnsFromTheRunSeedAndCountsItsCalls() {
    float[][] rows = Gradients.normal(4, 9, 400, 1);
    rows[3] = Gradients.normal(5, 1, 400, 3)[0];
    DivideAndConquer a = new DivideAndConquer(2, 20, 5, 1.0, 42);
    DivideAndConquer b = new DivideAndConquer(2, 20, 5, 1.0, 42);
    Aggregation first = a.aggregate(rows);
    assertArrayEquals(first.gradient(), b.aggregate(rows).gradient());
    assertTrue(!first.used()[3], "the wide row is dropped");
    // The columns differ from call to call and from seed to seed; a restored counter continues.
    assertNotEquals(
        Arrays.toString(
            DivideAndConquer.sample(
                400, 20, org.ftsim.base.Seeds.random(42, DivideAndConquer.DNC, 0, 0))),
        Arrays.toString(
            DivideAndConquer.sample(
                400, 20, org.ftsim.base.Seeds.random(42, DivideAndConquer.DNC, 1, 0))));
    Aggregation second = a.aggregate(rows);
    DivideAndConquer c = new DivideAndConquer(2, 20, 5, 1.0, 42);
    c.restore(b.state());
    assertArrayEquals(second.gradient(), c.aggregate(rows).gradient());
    int[] s = DivideAndConquer.sample(400, 20, new java.util.SplittableRandom(1));
    assertEquals(20, Arrays.stream(s).distinct().count());
    assertTrue(Arrays.stream(s).allMatch(j -> j >= 0 && j < 400));
  }

  @Test
  void signGuardKeepsTheMajoritySignPattern() {
    // Norms 2, 2, 2, 10: M = 2 (numpy's median of an even count), so (5,5,5,5) is clipped to
    // (1,1,1,1). Its sign fractions (1, 0, 0) are farthest from the others' (0.5, 0.5, 0): the
    // 2-means puts it alone; the mean of the three others is (1/3, 1/3, 1/3, -1).
    float[][] rows = {{1, -1, 1, -1}, {-1, 1, 1, -1}, {1, 1, -1, -1}, {5, 5, 5, 5}};
    Aggregation a = run("signguard", 1, rows);
    assertVector(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3, -1}, a.gradient(), 1e-6);
    assertArrayEquals(new boolean[] {true, true, true, false}, a.used());
    // The norm band: a row 20 times shorter than M (below 0.1 M) is left out even in the majority.
    float[][] tiny = {
      {2, -2, 2, -2}, {-2, 2, 2, -2}, {2, 2, -2, -2}, {0.05f, -0.05f, 0.05f, -0.05f}
    };
    Aggregation b = run("signguard", 1, tiny);
    assertArrayEquals(new boolean[] {true, true, true, false}, b.used());
  }

  @Test
  void clippedClusteringClipsToTheMedianOfTheHistoryAndKeepsTheLargerCluster() {
    // Norms 1, √4.04, √2.26, 3; median τ = (√2.26 + √4.04)/2. Cosine distances put (-3, 0) alone
    // (distance ≈ 2 to the others, ≤ 0.02 among them).
    float[][] rows = {{1, 0}, {2, 0.2f}, {1.5f, -0.1f}, {-3, 0}};
    ClippedClustering rule = new ClippedClustering(1, 1e5);
    Aggregation a = rule.aggregate(rows);
    double n1 = Math.sqrt(2 * 2 + 0.2f * 0.2f);
    double n2 = Math.sqrt(1.5 * 1.5 + 0.1f * 0.1f);
    double tau = (n1 + n2) / 2;
    double s1 = tau / n1;
    assertVector(new double[] {(1 + 2 * s1 + 1.5) / 3, (0.2f * s1 - 0.1f) / 3}, a.gradient(), 1e-6);
    assertArrayEquals(new boolean[] {true, true, true, false}, a.used());
    // Second call: the history holds 8 norms (these four twice): the median is the same τ. A
    // restored copy continues identically; a fresh one (empty history) would not differ here,
    // so check the carried history itself.
    assertEquals(4, rule.state().vector().length);
    ClippedClustering copy = new ClippedClustering(1, 1e5);
    copy.restore(rule.state());
    assertArrayEquals(rule.aggregate(rows).gradient(), copy.aggregate(rows).gradient());
    assertEquals(8, rule.state().vector().length);
    // τ_max caps the threshold: with τ_max = 0.5 every row is clipped to norm 0.5.
    Aggregation capped = new ClippedClustering(1, 0.5).aggregate(rows);
    assertVector(
        new double[] {0.5 * (1 + 2 / n1 + 1.5 / n2) / 3, 0.5 * (0.2f / n1 - 0.1f / n2) / 3},
        capped.gradient(),
        1e-6);
  }

  @Test
  void geometricMedianStopsEarlyAtTheTolerance() {
    float[][] rows = Gradients.normal(8, 9, 30, 1);
    // A huge tolerance stops after one iteration; a zero one is the default (all T iterations).
    assertArrayEquals(
        run("geomed:iters=1", 2, rows).gradient(), run("geomed:tol=1e9", 2, rows).gradient());
    assertArrayEquals(
        run("geomed", 2, rows).gradient(), run("geomed:1e-6,100,0", 2, rows).gradient());
    // A small one stops early near the converged value.
    float[] converged = run("geomed:nu=1e-9,iters=5000", 2, rows).gradient();
    float[] early = run("geomed:nu=1e-9,iters=5000,tol=1e-12", 2, rows).gradient();
    assertVector(toDouble(converged), early, 1e-3);
    assertThrows(IllegalArgumentException.class, () -> run("geomed:tol=-1", 2, rows));
  }

  @Test
  void centeredClippingFromZeroAndWithMomentumScaledRadius() {
    // f = 0, L = 1, rows (3,4) and (6,8) (norms 5 and 10). From 0 with τ = 5: (3,4) stays,
    // (6,8) is clipped to (3,4): v = (3,4).
    float[][] rows = {{3, 4}, {6, 8}};
    assertVector(new double[] {3, 4}, run("cclip:tau=5,iters=1,zero=1", 0, rows).gradient(), 1e-6);
    // τ/(1 − β) = 10 with β = 0.5: nothing clipped, the mean.
    assertVector(
        new double[] {4.5, 6},
        run("cclip:tau=5,iters=1,zero=1,momentum=0.5", 0, rows).gradient(),
        1e-6);
    // τ/√(1 − β) = 5√2: (6,8) clipped to norm 7.071.
    double s = 5 * Math.sqrt(2) / 10;
    assertVector(
        new double[] {(3 + 6 * s) / 2, (4 + 8 * s) / 2},
        run("cclip:5,1,1,0.5,0.5", 0, rows).gradient(),
        1e-5);
    // The default first centre is the median (4.5, 6): τ = 5 leaves both rows unclipped.
    assertVector(new double[] {4.5, 6}, run("cclip:tau=5,iters=1", 0, rows).gradient(), 1e-6);
    assertThrows(IllegalArgumentException.class, () -> run("cclip:zero=2", 0, rows));
    assertThrows(IllegalArgumentException.class, () -> run("cclip:momentum=1", 0, rows));
  }

  private static double[] toDouble(float[] x) {
    double[] out = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      out[j] = x[j];
    }
    return out;
  }
}
