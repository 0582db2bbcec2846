package org.ftsim.fault;

import java.util.function.DoublePredicate;

/**
 * {@code minsum[:perturbation]}, Min-Sum: reports μ − γ·∇p with the largest γ such that the sum of
 * the report's squared distances to the honest gradients is at most the smallest such sum of an
 * honest gradient, Σ_i ‖μ − γ∇p − g_i‖² ≤ min_i Σ_k ‖g_i − g_k‖², so that score-based rules (Krum)
 * rank it among the honest. The bound is the minimum as in the authors' code ({@code min_score}); γ
 * by their search ({@link AgrAgnostic#search}).
 *
 * <p>Parameter {@code perturbation} (∇p): {@code unit} (default), {@code std} or {@code sign}.
 *
 * <p>Shejwalkar, V. and Houmansadr, A. (2021), "Manipulating the Byzantine: Optimizing Model
 * Poisoning Attacks and Defenses for Federated Learning", NDSS 2021 (AGR-agnostic Min-Sum; their
 * code's {@code our_attack_score}).
 */
public final class MinSum extends AgrAgnostic {

  /** Min-Sum with perturbation {@code perturbation}. */
  public MinSum(Perturbation perturbation) {
    super(perturbation);
  }

  @Override
  DoublePredicate condition(float[][] rows, double[] a, double[] b, double c) {
    double bound = Double.POSITIVE_INFINITY;
    for (double[] row : Distances.pairwiseSquared(rows)) {
      double sum = 0;
      for (double v : row) {
        sum += v;
      }
      bound = Math.min(bound, sum);
    }
    double limit = bound;
    double sumA = 0;
    double sumB = 0;
    for (int i = 0; i < a.length; i++) {
      sumA += a[i];
      sumB += b[i];
    }
    double totalA = sumA;
    double totalB = sumB;
    double h = a.length;
    return gamma -> totalA - 2 * gamma * totalB + gamma * gamma * c * h <= limit;
  }

  @Override
  public String family() {
    return "minsum:perturbation=" + perturbation().label();
  }
}
