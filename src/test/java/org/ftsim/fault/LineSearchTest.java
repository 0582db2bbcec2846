package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.ftsim.base.Seeds;
import org.junit.jupiter.api.Test;

/** The optimal-attack line search: ByzFL's grid, on defenses whose answer is known. */
class LineSearchTest {

  private static final float[][] HONEST = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};

  /** The plain mean of the reports, in double. */
  private static final DefenseProbe MEAN =
      (reports, faulty) -> {
        float[] out = new float[reports[0].length];
        for (int j = 0; j < out.length; j++) {
          double sum = 0;
          for (float[] r : reports) {
            sum += r[j];
          }
          out[j] = (float) (sum / reports.length);
        }
        return out;
      };

  private static FaultContext context(int faulty, DefenseProbe defense) {
    int[] honest = {0, 1, 2};
    return new FaultContext(
        3,
        1,
        new HonestGradients(honest, HONEST),
        3 + faulty,
        faulty,
        Seeds.random(1, Seeds.FAULT, 3, 1),
        defense);
  }

  @Test
  void theSearchIsByzflsExpansionThenContraction() {
    // φ(τ) = −|τ − 37|: 0, 10, 30 improve (δ doubles to 40), 70 does not (δ = 32, stop); then
    // 62, 55.6, 50.48, 46.384 fail and 30 + 13.1072 = 43.1072 improves (|6.1| < 7); the remaining
    // steps go further up and fail. ByzFL's code, run on this φ, gives 43.107200000000006.
    assertEquals(43.107200000000006, LineSearch.search(t -> -Math.abs(t - 37)), 1e-12);
    // An increasing φ is never contracted: 19 doublings from δ = 10, τ = 10·(2¹⁹ − 1).
    assertEquals(10 * ((1 << 19) - 1), LineSearch.search(t -> t), 0);
    // A constant φ keeps the start.
    assertEquals(0, LineSearch.search(t -> 1), 0);
    // A NaN distance never improves.
    assertEquals(0, LineSearch.search(t -> t == 0 ? 0 : Double.NaN), 0);
  }

  @Test
  void againstTheMeanIpmsDistanceGrowsWithTauSoTheLargestIsChosen() {
    // mean of 3 honest + f copies of −τμ: (3 − fτ)μ/(3 + f), distance ‖μ‖·f(1 + τ)/(3 + f), which
    // increases in τ: the search ends at τ = 10·(2¹⁹ − 1) = 5,242,870.
    float[] out = new LineSearch(new InnerProductManipulation(1)).corrupt(null, context(2, MEAN));
    double tau = 10 * ((1 << 19) - 1);
    assertArrayEquals(
        new float[] {(float) (-tau * 4), (float) (-tau * 5), (float) (-tau * 6)}, out, 0);
  }

  @Test
  void theDefenseSeesTheHonestReportsThenFCopiesMarkedFaulty() {
    List<float[][]> seen = new ArrayList<>();
    List<boolean[]> flags = new ArrayList<>();
    DefenseProbe spy =
        (reports, faulty) -> {
          seen.add(reports);
          flags.add(faulty);
          return MEAN.aggregate(reports, faulty);
        };
    new LineSearch(new ALittleIsEnough(0)).corrupt(null, context(2, spy));
    assertEquals(LineSearch.EVALS, seen.size());
    float[][] first = seen.get(0);
    assertEquals(5, first.length);
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(HONEST[i], first[i]);
    }
    // τ = 0: μ + 0·σ = μ.
    assertArrayEquals(new float[] {4, 5, 6}, first[3]);
    assertArrayEquals(new boolean[] {false, false, false, true, true}, flags.get(0));
  }

  @Test
  void theScaleIsTheOneThatMovesTheDefenseFarthest() {
    // A defense that is the mean while the report is within 100 of the honest mean, and the honest
    // mean otherwise: IPM's best τ is the largest within reach, found by contraction.
    DefenseProbe capped =
        (reports, faulty) -> {
          float[] last = reports[reports.length - 1];
          double d = Math.sqrt(Distances.squared(new double[] {4, 5, 6}, last));
          return d <= 100 ? MEAN.aggregate(reports, faulty) : new float[] {4, 5, 6};
        };
    LineSearch search = new LineSearch(new InnerProductManipulation(1));
    float[] out = search.corrupt(null, context(1, capped));
    // ‖−τμ − μ‖ = (1 + τ)‖μ‖ ≤ 100 ⇔ τ ≤ 100/√77 − 1 = 10.396; the grid reaches τ = 10 at once,
    // then 30 fails; contraction from 10 tries 10 + 16, 10 + 12.8, … and accepts the first step
    // below 0.396, δ = 16·0.8^k: k = 17 is beyond the budget (17 evaluations, k = 0..16), so τ =
    // 10.
    assertArrayEquals(new float[] {-40, -50, -60}, out, 0);
  }

  @Test
  void oneSearchPerStepUnlessTheAttackDependsOnTheWorker() {
    int[] calls = new int[1];
    DefenseProbe counting =
        (reports, faulty) -> {
          calls[0]++;
          return MEAN.aggregate(reports, faulty);
        };
    float[][] g = {{1, 2}, {3, 4}, {5, 6}, {7, 8}, {9, 10}, {11, 12}};
    int[] faulty = {1, 3, 5};
    float[][] ipm =
        new FaultPlan(6, faulty, "optimal:ipm", java.util.Map.of(), 1, 1, 1).apply(1, g, counting);
    assertEquals(LineSearch.EVALS, calls[0]);
    assertArrayEquals(ipm[1], ipm[5]);
    calls[0] = 0;
    float[][] flip =
        new FaultPlan(6, faulty, "optimal:signflip", java.util.Map.of(), 1, 1, 1)
            .apply(1, g, counting);
    assertEquals(3 * LineSearch.EVALS, calls[0]);
    // Against the mean, −τ·g moves the mean farthest at the largest τ: 10·(2¹⁹ − 1) for each.
    assertArrayEquals(
        new float[] {-10 * ((1 << 19) - 1) * 3f, -10 * ((1 << 19) - 1) * 4f}, flip[1]);
  }

  @Test
  void withoutADefenseTheSearchSaysSo() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> FaultRegistry.create("optimal:ipm").corrupt(null, Contexts.of(HONEST)));
    assertEquals("no defense to probe: the fault runs outside a run", e.getMessage());
  }

  @Test
  void feasibilityIsTheWrappedAttacks() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> FaultRegistry.create("optimal:fang-krum").checkFeasible(5, new int[] {0, 1, 2}));
    assertEquals(
        "fang-krum needs n - 2f - 1 >= 1 and n - f - 2 >= 1; got n=5, f=2", e.getMessage());
  }
}
