package org.ftsim.fault;

import java.util.function.DoublePredicate;

/**
 * {@code minmax[:perturbation]}, Min-Max: reports μ − γ·∇p with the largest γ such that the
 * report's largest distance to an honest gradient is at most the largest distance between two
 * honest gradients, max_i ‖μ − γ∇p − g_i‖² ≤ max_{i,k} ‖g_i − g_k‖²: as far from μ as the honest
 * gradients are from each other, so that distance-based rules cannot tell it out. γ by the authors'
 * search ({@link AgrAgnostic#search}); every Min-Max worker reports the same vector.
 *
 * <p>Parameter {@code perturbation} (∇p): {@code unit} (μ/‖μ‖, default, the authors' default),
 * {@code std} or {@code sign}.
 *
 * <p>Shejwalkar, V. and Houmansadr, A. (2021), "Manipulating the Byzantine: Optimizing Model
 * Poisoning Attacks and Defenses for Federated Learning", NDSS 2021 (AGR-agnostic Min-Max; their
 * code's {@code our_attack_dist}).
 */
public final class MinMax extends AgrAgnostic {

  /** Min-Max with perturbation {@code perturbation}. */
  public MinMax(Perturbation perturbation) {
    super(perturbation);
  }

  @Override
  DoublePredicate condition(float[][] rows, double[] a, double[] b, double c) {
    double bound = 0;
    for (double[] row : Distances.pairwiseSquared(rows)) {
      for (double v : row) {
        bound = Math.max(bound, v);
      }
    }
    double limit = bound;
    return gamma -> {
      double worst = 0;
      for (int i = 0; i < a.length; i++) {
        worst = Math.max(worst, a[i] - 2 * gamma * b[i] + gamma * gamma * c);
      }
      return worst <= limit;
    };
  }

  @Override
  public String family() {
    return "minmax:perturbation=" + perturbation().label();
  }
}
