package org.ftsim.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Map;
import org.ftsim.aggregation.Defense;
import org.ftsim.fault.FaultPlan;
import org.junit.jupiter.api.Test;

/**
 * The defense as adaptive faults query it: ByzFL's optimal attacks reproduced through the real
 * pre-aggregators and rule, and queries that leave the defense's carried state alone.
 */
class DefenseQueryTest {

  /** ByzFL's docstring vectors: three honest workers, and a fourth (faulty) one. */
  private static final float[][] BYZFL = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}, {0, 0, 0}};

  private static float[] optimal(String fault) {
    Defense defense = Defense.parse("trimmed-mean", "nnm,clip", 1);
    defense.checkFeasible(4, 1);
    FaultPlan plan = new FaultPlan(4, new int[] {3}, fault, Map.of(), 1, 1, 1);
    return plan.apply(1, BYZFL, new DefenseQuery(defense))[3];
  }

  @Test
  void optimalIpmAndAlieMatchByzflAgainstNnmClippingAndTrimmedMean() {
    // ByzFL's docstrings: agg = TrMean(f=1), pre_agg_list = [NNM(f=1), Clipping()] (c = 2), f = 1,
    // x = [[1,2,3],[4,5,6],[7,8,9]]: Optimal_InnerProductManipulation → [−2.74877907, −3.43597384,
    // −4.1231686] (τ = 10·0.8¹²), Optimal_ALittleIsEnough → [12.91985116, 13.91985116,
    // 14.91985116] (τ = 2.97328372).
    assertArrayEquals(
        new float[] {-2.74877907f, -3.43597384f, -4.1231686f}, optimal("optimal:ipm"), 1e-6f);
    assertArrayEquals(
        new float[] {12.91985116f, 13.91985116f, 14.91985116f}, optimal("optimal:alie"), 1e-5f);
  }

  @Test
  void queriesDoNotMoveCenteredClippingsCentreNorBucketingsCounter() {
    float[][] step1 = {{1, 0}, {0, 1}, {1, 1}, {2, 2}, {5, 1}, {0, 4}};
    float[][] step2 = {{3, 0}, {0, 3}, {2, 2}, {1, 1}, {-1, 6}, {4, 4}};
    float[][] wild = {{100, -100}, {-50, 70}, {1, 1}, {9, 9}, {30, 0}, {0, -40}};
    // A small τ makes the centre matter; the median of 3 bucket means depends on the permutation.
    for (String[] spec : new String[][] {{"cclip:0.5,1", ""}, {"median", "bucketing:2"}}) {
      Defense queried = Defense.parse(spec[0], spec[1], 1, 7);
      Defense alone = Defense.parse(spec[0], spec[1], 1, 7);
      queried.checkFeasible(6, 1);
      alone.checkFeasible(6, 1);
      DefenseQuery query = new DefenseQuery(queried);
      query.aggregate(wild, new boolean[6]);
      assertArrayEquals(
          alone.apply(step1, null).gradient(), queried.apply(step1, null).gradient(), spec[0]);
      query.aggregate(wild, new boolean[6]);
      query.aggregate(step1, new boolean[6]);
      assertArrayEquals(
          alone.apply(step2, null).gradient(), queried.apply(step2, null).gradient(), spec[0]);
    }
  }
}
