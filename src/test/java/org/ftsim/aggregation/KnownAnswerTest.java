package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * Golden values per rule and pre-aggregator. Where a number comes from ByzFL (LPD-EPFL/byzfl,
 * {@code byzfl/aggregators/*.py} docstring examples, numpy inputs) the test says so; the others are
 * worked by hand in the comments.
 */
class KnownAnswerTest {

  private static final float[][] BYZFL_ROWS = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

  private static float[] aggregate(String rule, int f, float[][] rows) {
    return AggregatorRegistry.create(rule, f).aggregate(rows).gradient();
  }

  private static void assertVector(double[] expected, float[] actual, double tol) {
    assertEquals(expected.length, actual.length);
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], tol, "coordinate " + j);
    }
  }

  @Test
  void trimmedMeanOfByzflDocumentationWithSignFlippedRow() {
    // ByzFL TrMean(f=1) documentation, with the fourth row -(4,5,6): per coordinate the sorted
    // values are (-4, 1, 4, 7), trimmed to (1, 4).
    float[][] rows = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {-4, -5, -6}};
    Aggregation a = AggregatorRegistry.create("trimmed-mean", 1).aggregate(rows);
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, a.gradient());
    assertEquals(2, a.kept());
    assertArrayEquals(new boolean[] {true, true, false, false}, a.used());
    // b given explicitly overrides f; b = 0 is the mean.
    assertArrayEquals(new float[] {2, 2.5f, 3}, aggregate("trimmed-mean:0", 1, rows));
  }

  @Test
  void medianOfByzflDocumentationAndOfAnEvenCount() {
    // ByzFL Median documentation: (4, 5, 6).
    Aggregation odd = AggregatorRegistry.create("median", 1).aggregate(BYZFL_ROWS);
    assertArrayEquals(new float[] {4, 5, 6}, odd.gradient());
    assertEquals(1, odd.kept());
    assertArrayEquals(new boolean[] {false, true, false}, odd.used());
    float[][] even = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {10, 11, Float.NaN}};
    // NaN is ordered as +inf: third coordinate (3, 6, 9, NaN) has middle values 6 and 9.
    Aggregation e = AggregatorRegistry.create("median", 1).aggregate(even);
    assertArrayEquals(new float[] {5.5f, 6.5f, 7.5f}, e.gradient());
    assertEquals(2, e.kept());
  }

  @Test
  void meamedOfByzflDocumentation() {
    // ByzFL Meamed(f=1): median 4, distances (3, 0, 3), the tie goes to the lower value 1.
    Aggregation a = AggregatorRegistry.create("meamed", 1).aggregate(BYZFL_ROWS);
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, a.gradient());
    assertEquals(2, a.kept());
  }

  @Test
  void geometricMedianOfCollinearPointsAndOfASquare() {
    // Three collinear points: the geometric median is the middle one. (ByzFL's documented
    // 3.7879... is 3 iterations from 0 with nu = 0.1, not the converged value.)
    assertVector(new double[] {4, 5, 6}, aggregate("geomed", 1, BYZFL_ROWS), 1e-4);
    // Seven points in general position: at the geometric median the unit vectors towards the
    // points sum to zero (the optimality condition Weiszfeld iterates towards).
    float[][] points = Gradients.normal(3, 7, 3, 1);
    float[] z = aggregate("geomed:nu=1e-9,iters=2000", 3, points);
    double[] g = new double[3];
    for (float[] p : points) {
      double r = Math.sqrt(BruteForce.squaredDistance(p, z));
      for (int j = 0; j < 3; j++) {
        g[j] += (p[j] - z[j]) / r;
      }
    }
    assertEquals(0, Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]), 1e-3);
  }

  @Test
  void krumAndMultiKrumByHand() {
    // n = 5, f = 1: each score sums the n - f - 2 = 2 smallest squared distances.
    // (0.2,0.2): 0.08 + 0.68 = 0.76; (0,0): 0.08 + 1 = 1.08; (1,0) and (0,1): 0.68 + 1 = 1.68;
    // (10,10): 181 + 181 = 362.
    float[][] rows = {{0, 0}, {1, 0}, {0, 1}, {0.2f, 0.2f}, {10, 10}};
    Aggregation krum = AggregatorRegistry.create("krum", 1).aggregate(rows);
    assertArrayEquals(new float[] {0.2f, 0.2f}, krum.gradient());
    assertEquals(1, krum.kept());
    assertArrayEquals(new boolean[] {false, false, false, true, false}, krum.used());
    // Multi-Krum, m = n - f = 4: all but (10,10).
    Aggregation multi = AggregatorRegistry.create("multi-krum", 1).aggregate(rows);
    assertVector(new double[] {0.3, 0.3}, multi.gradient(), 1e-7);
    assertEquals(4, multi.kept());
    assertArrayEquals(new boolean[] {true, true, true, true, false}, multi.used());
    // m = 2: (0.2,0.2) and (0,0).
    assertVector(new double[] {0.1, 0.1}, aggregate("multi-krum:2", 1, rows), 1e-7);
  }

  @Test
  void krumBreaksTiesByTotalDistance() {
    // n = 5, f = 1, one dimension; (0,0), (1,0), (0,1), (1,1) all score 2, the total distances are
    // 204, 185, 185 and 166: (1,1) wins, whatever the order of the rows.
    float[][] rows = {{10, 10}, {1, 1}, {0, 1}, {1, 0}, {0, 0}};
    assertArrayEquals(new float[] {1, 1}, aggregate("krum", 1, rows));
  }

  @Test
  void bulyanByHand() {
    // n = 7, f = 1, d = 1, values 0..5 and 100. Iterated Krum (θ = 5) picks 3, 2, 4, 1, 5 (ties
    // broken by total distance); β = 3 values closest to the median 3 of {1..5} are 2, 3, 4.
    float[][] rows = {{0}, {1}, {2}, {3}, {4}, {5}, {100}};
    Aggregation a = AggregatorRegistry.create("bulyan", 1).aggregate(rows);
    assertArrayEquals(new float[] {3}, a.gradient());
    assertEquals(3, a.kept());
    assertArrayEquals(new boolean[] {false, false, true, true, true, false, false}, a.used());
    assertArrayEquals(new int[] {1, 2, 3, 4, 5}, Bulyan.select(distances(rows), 1));
  }

  private static double[][] distances(float[][] rows) {
    return PairwiseDistances.of(rows).squared();
  }

  @Test
  void centeredClippingStartsAtTheMedianThenAtThePreviousAggregate() {
    float[][] rows = {{1, 2}, {4, 6}, {7, 1}};
    Aggregator cclip = AggregatorRegistry.create("cclip:tau=1e9,iters=1", 1);
    // No clipping: one step from any centre lands on the mean.
    float[] first = cclip.aggregate(rows).gradient();
    assertVector(new double[] {4, 3}, first, 1e-5);
    // Second step, τ = 1: all rows lie 10 away from the previous aggregate, each moves it by 1/n
    // of a unit vector, three of them by one unit in total.
    Aggregator tight = AggregatorRegistry.create("cclip:1,1", 1);
    tight.aggregate(rows);
    float[] centre = tight.aggregate(Gradients.copies(new float[] {4, 3}, 3)).gradient();
    assertVector(new double[] {4, 3}, centre, 1e-5);
    float[] moved = tight.aggregate(Gradients.copies(new float[] {14, 3}, 3)).gradient();
    assertVector(new double[] {5, 3}, moved, 1e-5);
    // After reset the centre is again the median of the inputs, here the inputs themselves.
    tight.reset();
    assertVector(
        new double[] {14, 3},
        tight.aggregate(Gradients.copies(new float[] {14, 3}, 3)).gradient(),
        0);
  }

  @Test
  void meanFilterDropsTheRowWhoseMeanIsFarthest() {
    // Means 1, 2, 3, 5; scores 7, 5, 5, 9: the last row goes.
    float[][] rows = {{1, 1}, {2, 2}, {3, 3}, {100, -90}};
    Aggregation a = AggregatorRegistry.create("mean-filter", 1).aggregate(rows);
    assertVector(new double[] {2, 2}, a.gradient(), 1e-6);
    assertEquals(3, a.kept());
    assertArrayEquals(new boolean[] {true, true, true, false}, a.used());
  }

  @Test
  void meanFilterCannotSeeAnOutlierWithAnHonestMean() {
    // The limitation that makes it a detector rather than a robust rule: (52.5, -47.5) has mean
    // 2.5, the centre of the honest means 1..4, so it scores best and is kept.
    float[][] rows = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {52.5f, -47.5f}};
    Aggregation a = AggregatorRegistry.create("mean-filter", 1).aggregate(rows);
    assertArrayEquals(new boolean[] {true, true, true, false, true}, a.used());
  }

  @Test
  void meanIsTheAverage() {
    assertArrayEquals(new float[] {4, 5, 6}, aggregate("mean", 1, BYZFL_ROWS));
    assertArrayEquals(new float[] {4, 5, 6}, aggregate("none", 1, BYZFL_ROWS));
  }

  @Test
  void robustRulesWithNoFaultsAreExactlyTheMean() {
    float[][] rows = Gradients.normal(9, 9, 1000, 1);
    float[] mean = Mean.mean(rows);
    for (String rule :
        new String[] {"trimmed-mean", "meamed", "multi-krum", "bulyan", "mean-filter"}) {
      Aggregation a = AggregatorRegistry.create(rule, 0).aggregate(rows);
      assertArrayEquals(mean, a.gradient(), rule);
      assertEquals(9, a.kept(), rule);
    }
    for (float[] row : new NearestNeighborMixing(0).apply(rows)) {
      assertArrayEquals(mean, row, "nnm");
    }
  }

  @Test
  void clippingOfByzflDocumentation() {
    // ByzFL Clipping(c=2) documentation.
    float[][] out = new StaticClipping(2).apply(BYZFL_ROWS);
    assertVector(new double[] {0.53452248, 1.06904497, 1.60356745}, out[0], 1e-6);
    assertVector(new double[] {0.91168461, 1.13960576, 1.36752692}, out[1], 1e-6);
    assertVector(new double[] {1.00514142, 1.14873305, 1.29232469}, out[2], 1e-6);
  }

  @Test
  void arcOfByzflDocumentation() {
    // ByzFL ARC(f=1) documentation: k = floor(2 (1/3) 2) = 1 row clipped, to the norm of (4,5,6).
    float[][] out = new AdaptiveRobustClipping(1).apply(BYZFL_ROWS);
    assertArrayEquals(BYZFL_ROWS[0], out[0]);
    assertArrayEquals(BYZFL_ROWS[1], out[1]);
    assertVector(new double[] {4.41004009, 5.04004582, 5.67005155}, out[2], 1e-6);
  }

  @Test
  void nnmOfByzflDocumentation() {
    // ByzFL NNM(f=1) documentation; for the middle row the tie between its two neighbours goes to
    // the lower index, as there.
    PreAggregation out = new NearestNeighborMixing(1).preAggregate(BYZFL_ROWS);
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, out.rows()[0]);
    assertArrayEquals(new float[] {2.5f, 3.5f, 4.5f}, out.rows()[1]);
    assertArrayEquals(new float[] {5.5f, 6.5f, 7.5f}, out.rows()[2]);
    assertArrayEquals(new int[] {0, 1}, out.sources()[1]);
    assertEquals(2, out.fanIn());
  }

  @Test
  void bucketingOfAllRowsInOneBucketIsTheMean() {
    PreAggregation out = new Bucketing(3, 7).preAggregate(BYZFL_ROWS);
    assertEquals(1, out.rows().length);
    assertArrayEquals(new float[] {4, 5, 6}, out.rows()[0]);
    assertArrayEquals(new int[] {0, 1, 2}, out.sources()[0]);
  }
}
