package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/**
 * Known answers for what each defense says it did with each row ({@link Aggregation#discarded}, the
 * {@code workers} table's {@code rule_suspicion}, and {@link Aggregation#scores}, its {@code
 * rule_score}), worked out by hand in the comments.
 */
class DiscardedShareTest {

  /** 1-D rows 0, 1, 2, 3 and an outlier at 100. */
  static final float[][] LINE = {{0}, {1}, {2}, {3}, {100}};

  @Test
  void trimmedMeanDiscardsTheShareOfCoordinatesARowWasTrimmedIn() {
    // Per coordinate the sorted values are 1, 2, 3, ±100; b = 1 keeps the middle two.
    // Coordinates 0, 1: 1 2 3 100, kept [2, 3]: rows 0 and 3 trimmed.
    // Coordinates 2, 3: −100 1 2 3, kept [1, 2]: rows 3 and 2 trimmed.
    float[][] rows = {
      {1, 1, 1, 1}, {2, 2, 2, 2}, {3, 3, 3, 3}, {100, 100, -100, -100},
    };
    Aggregation a = new TrimmedMean(1).aggregate(rows);
    assertArrayEquals(new double[] {0.5, 0, 0.5, 1}, a.discarded());
    assertArrayEquals(new boolean[] {true, true, true, false}, a.used());
    assertNull(a.scores(), "a coordinate-wise rule has no score of its own");
    // The median of four keeps the two middle values: rows 1 and 2 where 100 is on top, rows 0
    // and 1 where −100 is at the bottom.
    Aggregation m = new CoordinateMedian(1).aggregate(rows);
    assertArrayEquals(new double[] {0.5, 0, 0.5, 1}, m.discarded());
  }

  @Test
  void aNonFiniteValueIsKeptWhereTheKeptRangeReachesInfinity() {
    // Coordinate 0: 1, NaN (ordered as +∞), +∞: the median is +∞, and both non-finite values are
    // kept there. Coordinate 1: 1, 2, 3: the median is 2 (row 1).
    float[][] rows = {{1, 1}, {Float.NaN, 2}, {Float.POSITIVE_INFINITY, 3}};
    Aggregation a = new CoordinateMedian(0).aggregate(rows);
    assertArrayEquals(new double[] {1, 0, 0.5}, a.discarded());
    assertArrayEquals(new boolean[] {false, true, true}, a.used());
  }

  @Test
  void krumLeavesOutAllButOneAndReportsItsScores() {
    // n − f − 2 = 2 neighbours: row 0: 1 + 4 = 5; row 1: 1 + 1 = 2; row 2: 1 + 1 = 2; row 3:
    // 1 + 4 = 5; row 4: 97² + 98² = 19013. Rows 1 and 2 tie; the sum to all others breaks it
    // (row 1: 1 + 1 + 4 + 99² = 9807, row 2: 4 + 1 + 1 + 98² = 9610): row 2.
    Aggregation a = new Krum(1).aggregate(LINE);
    assertArrayEquals(new double[] {1, 1, 0, 1, 1}, a.discarded());
    assertArrayEquals(new double[] {5, 2, 2, 5, 19013}, a.scores(), 1e-9);
    // Multi-Krum keeps n − f = 4: all but the outlier, with the same scores.
    Aggregation m = new MultiKrum(1, MultiKrum.DEFAULT_SELECTED).aggregate(LINE);
    assertArrayEquals(new double[] {0, 0, 0, 0, 1}, m.discarded());
    assertArrayEquals(a.scores(), m.scores(), 1e-9);
  }

  @Test
  void clippingDiscardsOneMinusItsFactor() {
    // Radius 1 around the centre 0 (one iteration): ‖(3, 4)‖ = 5 is scaled by 1/5, (0.6, 0.8)
    // lies on the sphere and is kept whole; the scores are the distances to the centre.
    float[][] rows = {{3, 4}, {0.6f, 0.8f}};
    Aggregation a = new CenteredClipping(0, 1, 1, true, 0, 1).aggregate(rows);
    assertEquals(0.8, a.discarded()[0], 1e-6);
    assertEquals(0.0, a.discarded()[1], 1e-6);
    assertEquals(5.0, a.scores()[0], 1e-6);
    assertEquals(1.0, a.scores()[1], 1e-6);
  }

  @Test
  void preAggregatorsMapTheShareBackToTheWorkers() {
    // clip:10 scales the outlier 100 by 0.1; the mean keeps every row whole: 1 − 0.1 = 0.9.
    Aggregation clipped = Defense.parse("mean", "clip:10", 0).apply(LINE, null);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0.9}, clipped.discarded(), 1e-12);
    // One bucket of all five rows carries every worker; the outlier keeps its clipping.
    Aggregation bucketed = Defense.parse("mean", "clip:10,bucketing:5", 0).apply(LINE, null);
    assertArrayEquals(new double[] {0, 0, 0, 0, 0.9}, bucketed.discarded(), 1e-12);
    // Krum after clipping: the clipped outlier (10) still loses; the row chosen is row 2 again
    // (its neighbours 1 and 3), the others are discarded whole, whatever their clipping.
    Aggregation krum = Defense.parse("krum", "clip:10", 1).apply(LINE, null);
    assertArrayEquals(new double[] {1, 1, 0, 1, 1}, krum.discarded());
    // Scores through a one-to-one pre-aggregator are the rows' own: the outlier's is computed at
    // 10, 7² + 8² = 113.
    assertEquals(113, krum.scores()[4], 1e-9);
    // drop: the known faulty worker is discarded whole, and has no score.
    Aggregation drop =
        Defense.parse("drop", "", 1).apply(LINE, new boolean[] {false, false, false, false, true});
    assertArrayEquals(new double[] {0, 0, 0, 0, 1}, drop.discarded());
  }

  @Test
  void weightingRulesDiscardOneMinusTheRelativeWeight() {
    // FLTrust weighs by max(0, cos) to the root (1, 0): rows at 0°, 60° and 180° have trust 1,
    // 1/2 and 0.
    float[][] rows = {{2, 0}, {0.5f, (float) Math.sqrt(0.75)}, {-1, 0}};
    Aggregation a = new FlTrust().aggregate(rows, new float[] {1, 0});
    assertArrayEquals(new double[] {0, 0.5, 1}, a.discarded(), 1e-6);
    assertArrayEquals(new boolean[] {true, true, false}, a.used());
  }
}
