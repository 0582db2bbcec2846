package org.ftsim.fault;

import java.util.Arrays;

/**
 * The perturbation ∇p of Shejwalkar and Houmansadr's attacks: the malicious gradient is μ − γ·∇p, μ
 * the honest mean (their code's {@code model_re − lamda * deviation}).
 */
public enum Perturbation {
  /** μ/‖μ‖, the unit vector of the honest mean (their {@code unit_vec}; 0 when μ = 0). */
  UNIT("unit"),
  /** σ, the coordinate-wise sample standard deviation of the honest gradients (needs h ≥ 2). */
  STD("std"),
  /** sign(μ), coordinate-wise. */
  SIGN("sign");

  private final String label;

  Perturbation(String label) {
    this.label = label;
  }

  /** The name used in fault specs: {@code unit}, {@code std} or {@code sign}. */
  public String label() {
    return label;
  }

  /** The perturbation named {@code label}; an unknown one throws, listing the valid ones. */
  public static Perturbation of(String label) {
    for (Perturbation p : values()) {
      if (p.label.equalsIgnoreCase(label.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "unknown perturbation '"
            + label
            + "'; valid: "
            + String.join(", ", Arrays.stream(values()).map(Perturbation::label).toList()));
  }

  /** ∇p of the step's honest gradients. */
  double[] of(HonestGradients honest) {
    double[] mean = honest.mean();
    return switch (this) {
      case UNIT -> {
        double norm = Math.sqrt(Distances.dot(mean, mean));
        double[] u = new double[mean.length];
        if (norm > 0) {
          for (int j = 0; j < u.length; j++) {
            u[j] = mean[j] / norm;
          }
        }
        yield u;
      }
      case STD -> honest.standardDeviation().clone();
      case SIGN -> Distances.sign(mean);
    };
  }
}
