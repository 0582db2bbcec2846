package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.ftsim.base.Seeds;
import org.junit.jupiter.api.Test;

/**
 * Fang et al.'s and Shejwalkar and Houmansadr's attacks on 3 honest workers and 4 coordinates, the
 * answers worked out by hand in the comments.
 */
class AdaptiveAttackKnownAnswerTest {

  /**
   * μ = (2, 0, 1, 0); squared distances g1–g2 16, g1–g3 13, g2–g3 13; a_i = ‖μ − g_i‖² = (5, 5, 4);
   * sample std σ = (0, 2, √3, 0).
   */
  private static final float[][] HONEST = {
    {2, 2, 0, 0},
    {2, -2, 0, 0},
    {2, 0, 3, 0},
  };

  /** Faulty worker 3 of n = 4 (f = 1). */
  private static FaultContext context() {
    return Contexts.of(HONEST);
  }

  private static final float[] OWN = {9, 9, 9, 9};

  /** μ − γ·p. */
  private static float[] report(double gamma, double[] p) {
    double[] mu = {2, 0, 1, 0};
    float[] out = new float[4];
    for (int j = 0; j < 4; j++) {
      out[j] = (float) (mu[j] - gamma * p[j]);
    }
    return out;
  }

  private static void assertReport(double gamma, double[] p, float[] actual) {
    // The search stops within 1e-5 below γ*; |p_j| ≤ 2.
    assertArrayEquals(report(gamma, p), actual, 5e-5f);
  }

  @Test
  void minMaxWithTheUnitVector() {
    // p = μ/√5; b_i = (μ − g_i)·p = (1/√5, 1/√5, −2/√5); bound max ‖g_i − g_k‖² = 16. The binding
    // worker is g3: γ² + (4/√5)γ + 4 = 16, γ = 6/√5 (γ² = 36/5, 24/5 + 36/5 + 4 = 16). Report
    // μ(1 − 6/5) = −μ/5.
    float[] out = new MinMax(Perturbation.UNIT).corrupt(OWN, context());
    assertArrayEquals(new float[] {-0.4f, 0, -0.2f, 0}, out, 5e-5f);
  }

  @Test
  void minMaxWithTheSign() {
    // p = (1, 0, 1, 0), ‖p‖² = 2, b = (1, 1, −2): g3 binds, 2γ² + 4γ + 4 = 16, γ = √7 − 1.
    assertReport(
        Math.sqrt(7) - 1,
        new double[] {1, 0, 1, 0},
        new MinMax(Perturbation.SIGN).corrupt(OWN, context()));
  }

  @Test
  void minMaxWithTheStandardDeviation() {
    // p = σ = (0, 2, √3, 0), ‖p‖² = 7, b = (√3 − 4, √3 + 4, −2√3): γ* is the smallest positive
    // root over i of a_i − 2γ b_i + 7γ² = 16 (the condition is a max of convex quadratics), g2's.
    double[] p = {0, 2, Math.sqrt(3), 0};
    double[] mu = {2, 0, 1, 0};
    double best = Double.POSITIVE_INFINITY;
    for (float[] g : HONEST) {
      double a = 0;
      double b = 0;
      for (int j = 0; j < 4; j++) {
        a += (mu[j] - g[j]) * (mu[j] - g[j]);
        b += (mu[j] - g[j]) * p[j];
      }
      double c = 7;
      best = Math.min(best, (2 * b + Math.sqrt(4 * b * b - 4 * c * (a - 16))) / (2 * c));
    }
    assertEquals(0.9048367651421367, best, 1e-12);
    assertReport(best, p, new MinMax(Perturbation.STD).corrupt(OWN, context()));
  }

  @Test
  void minSumWithEachPerturbation() {
    // Σ_i ‖μ − γp − g_i‖² = Σ a_i + 3γ²‖p‖² (Σ_i (μ − g_i) = 0) = 14 + 3γ²‖p‖²; the bound is the
    // smallest honest sum of squared distances, min(16 + 13, 16 + 13, 13 + 13) = 26.
    // unit: 14 + 3γ² = 26, γ = 2; sign: 14 + 6γ² = 26, γ = √2; std: 14 + 21γ² = 26, γ = 2/√7.
    double root5 = Math.sqrt(5);
    assertReport(
        2,
        new double[] {2 / root5, 0, 1 / root5, 0},
        new MinSum(Perturbation.UNIT).corrupt(OWN, context()));
    assertReport(
        Math.sqrt(2),
        new double[] {1, 0, 1, 0},
        new MinSum(Perturbation.SIGN).corrupt(OWN, context()));
    assertReport(
        2 / Math.sqrt(7),
        new double[] {0, 2, Math.sqrt(3), 0},
        new MinSum(Perturbation.STD).corrupt(OWN, context()));
  }

  @Test
  void theSearchReturnsZeroWhenNoGammaIsAccepted() {
    // Every honest gradient equal: the bound is 0 and only γ = 0 keeps the report on them.
    float[][] same = {{1, 2}, {1, 2}, {1, 2}};
    assertArrayEquals(
        new float[] {1, 2}, new MinMax(Perturbation.UNIT).corrupt(OWN, Contexts.of(same)));
    assertEquals(0, AgrAgnostic.search(gamma -> false));
    // Always accepted: γ climbs from 10 by 5, 2.5, … to just below 20.
    assertEquals(20, AgrAgnostic.search(gamma -> true), 2e-5);
  }

  @Test
  void fangKrumHalvesLambdaUntilKrumSelectsTheAttackers() {
    // n = 4, c = 1, d = 4. Upper bound: each g_i's n − c − 2 = 1 nearest honest is at √13, so the
    // first term is √13 / ((4 − 2 − 1)·√4) = √13/2; the largest ‖g_i‖ is ‖g3‖ = √13, /√4: λ₀ = √13.
    assertEquals(Math.sqrt(13), FangKrum.upperBound(HONEST, 1), 1e-12);
    // Report −λ·(1, 0, 1, 0): its squared distance to g1 and g2 is 2λ² + 4λ + 8, to g3 2λ² + 10λ
    // + 13. Krum (f = 1, 1 nearest) selects it iff 2λ² + 4λ + 8 ≤ 13 (g1's nearest honest is at
    // 13), i.e. λ ≤ 0.8708: √13 = 3.606, 1.803 and 0.901 fail, √13/8 = 0.4507 passes.
    float lambda = (float) (Math.sqrt(13) / 8);
    assertArrayEquals(
        new float[] {-lambda, 0, -lambda, 0}, new FangKrum().corrupt(OWN, context()), 1e-7f);
  }

  @Test
  void fangKrumSumsTheNMinusFMinusTwoNearestHonestDistancesAsThePaper() {
    // n = 6, c = 1: h = 5 honest gradients, at 0, 1, 3, 6, 10 on the first of d = 4 coordinates.
    // Each sums its n − c − 2 = 3 nearest honest distances: 0: 1+3+6 = 10; 1: 1+2+5 = 8; 3: 2+3+3
    // = 8; 6: 3+4+5 = 12; 10: 4+7+9 = 20; min 8, over (n − 2c − 1)·√d = 3·2; the farthest from 0
    // is 10, over √d: λ₀ = 8/6 + 5. (The n − 2c − 2 = 2 nearest of the NDSS'21 authors' port,
    // compute_lambda_fang, would give min 3 and 3/6 + 5.)
    float[][] rows = new float[5][4];
    float[] at = {0, 1, 3, 6, 10};
    for (int i = 0; i < 5; i++) {
      rows[i][0] = at[i];
    }
    assertEquals(8.0 / 6 + 5, FangKrum.upperBound(rows, 1), 1e-12);
  }

  @Test
  void fangKrumIsRefusedWhereItsBoundIsUndefined() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FangKrum().checkFeasible(5, new int[] {0, 1, 2}));
    assertEquals(
        "fang-krum needs n - 2f - 1 >= 1 and n - f - 2 >= 1; got n=5, f=2", e.getMessage());
  }

  @Test
  void fangTrimDrawsBeyondTheHonestExtremeAgainstTheHonestDirection() {
    // μ = (2, −2, 1, −1), min = (1, −3, −1, −4), max = (3, −1, 3, 1); b = 2:
    // μ>0, min>0: [min/b, min] = [0.5, 1];  μ<0, max≤0: [max, max/b] = [−1, −0.5];
    // μ>0, min≤0: [b·min, min] = [−2, −1];  μ<0, max>0: [max, b·max] = [1, 2].
    float[][] rows = {{1, -1, 3, 1}, {2, -3, -1, -4}, {3, -2, 1, 0}};
    double[][] ranges = {{0.5, 1}, {-1, -0.5}, {-2, -1}, {1, 2}};
    FaultContext c = Contexts.of(rows);
    float[] out = new FangTrim(2).corrupt(OWN, c);
    // The draws are the context's: worker 3, step 1, seed 1 (Contexts.of).
    SplittableRandom draws = Seeds.random(1, Seeds.FAULT, 3, 1);
    for (int j = 0; j < 4; j++) {
      double lo = ranges[j][0];
      double expected = lo + draws.nextDouble() * (ranges[j][1] - lo);
      assertEquals((float) expected, out[j]);
      assertTrue(out[j] >= Math.min(lo, ranges[j][1]) && out[j] <= Math.max(lo, ranges[j][1]));
    }
    // A zero honest mean leaves the coordinate at 0 without a draw.
    assertArrayEquals(
        new float[] {0},
        new FangTrim(2).corrupt(new float[] {5}, Contexts.of(new float[][] {{-1}, {1}})));
  }
}
