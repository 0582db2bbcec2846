package org.ftsim.fault;

/**
 * {@code fang-trim[:b]}, Fang et al.'s full-knowledge "trim" attack on the coordinate-wise median
 * and trimmed mean, in gradient form: on each coordinate j the attacker pushes against the honest
 * direction s_j = sign(μ_j), reporting a value drawn uniformly between the honest extreme on the
 * other side and that extreme scaled by b:
 *
 * <ul>
 *   <li>s_j = 1 (model moves down): from [min_j/b, min_j] if min_j &gt; 0, else [b·min_j, min_j];
 *   <li>s_j = −1: from [max_j, b·max_j] if max_j &gt; 0, else [max_j, max_j/b];
 *   <li>s_j = 0: μ_j.
 * </ul>
 *
 * min_j, max_j over the honest gradients; a draw is lo + u·(hi − lo), u uniform in [0, 1) from the
 * context's generator, so each attacker draws its own values (the paper's; Blades' {@code
 * AdaptiveAdversary} sends one vector to all: {@code shared:fang-trim}).
 *
 * <p>Parameter {@code b}: a finite number ≥ 1; default {@value #DEFAULT_B} (the paper's).
 *
 * <p>Fang, M., Cao, X., Jia, J. and Gong, N. Z. (2020), "Local Model Poisoning Attacks to
 * Byzantine-Robust Federated Learning", USENIX Security 2020, §3 (attack on trimmed mean; the same
 * attack on median).
 */
public final class FangTrim implements Fault {

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }

  /** The paper's b. */
  public static final double DEFAULT_B = 2;

  private final double b;

  /** The trim attack with factor {@code b}. */
  public FangTrim(double b) {
    Parameters.requireFinite("fang-trim b", b);
    if (b < 1) {
      throw new IllegalArgumentException("fang-trim b must be a finite number >= 1; got " + b);
    }
    this.b = b;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    if (honestWorkers.length < 1) {
      throw new IllegalArgumentException("fang-trim needs at least 1 honest worker; got 0");
    }
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    double[] mean = context.honest().mean();
    float[][] rows = context.honestGradients();
    float[] out = new float[mean.length];
    for (int j = 0; j < out.length; j++) {
      if (mean[j] == 0) {
        out[j] = (float) mean[j];
        continue;
      }
      double lo;
      double hi;
      if (mean[j] > 0) {
        double min = rows[0][j];
        for (float[] row : rows) {
          min = Math.min(min, row[j]);
        }
        lo = min > 0 ? min / b : b * min;
        hi = min;
      } else {
        double max = rows[0][j];
        for (float[] row : rows) {
          max = Math.max(max, row[j]);
        }
        lo = max;
        hi = max > 0 ? b * max : max / b;
      }
      out[j] = (float) (lo + context.random().nextDouble() * (hi - lo));
    }
    return out;
  }

  @Override
  public String toString() {
    return "fang-trim:b=" + b;
  }
}
