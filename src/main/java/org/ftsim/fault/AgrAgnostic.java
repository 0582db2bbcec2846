package org.ftsim.fault;

import java.lang.ref.WeakReference;
import java.util.function.DoublePredicate;

/**
 * The common part of Min-Max and Min-Sum (Shejwalkar and Houmansadr, NDSS 2021): report μ − γ·∇p
 * with the largest γ a condition on the honest gradients accepts, γ found by the authors' search
 * (from γ = {@value #INITIAL_GAMMA}, step halving until two candidates differ by at most {@value
 * #TOLERANCE}).
 */
abstract class AgrAgnostic implements Scalable {

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }

  /** The authors' first γ ({@code lamda = 10.0}). */
  static final double INITIAL_GAMMA = 10;

  /** The authors' stopping difference ({@code threshold_diff = 1e-5}). */
  static final double TOLERANCE = 1e-5;

  private final Perturbation perturbation;
  private WeakReference<HonestGradients> searched = new WeakReference<>(null);
  private double searchedGamma;

  AgrAgnostic(Perturbation perturbation) {
    this.perturbation = perturbation;
  }

  /** The perturbation ∇p. */
  public Perturbation perturbation() {
    return perturbation;
  }

  /**
   * The authors' search: γ = γ₀, step s = γ₀; while |γ_ok − γ| > tol: if the condition holds at γ,
   * γ_ok = γ and γ += s/2, else γ −= s/2; s /= 2. Returns γ_ok (0 when no γ tried was accepted).
   */
  static double search(DoublePredicate accepted) {
    double gamma = INITIAL_GAMMA;
    double step = INITIAL_GAMMA;
    double succeeded = 0;
    while (Math.abs(succeeded - gamma) > TOLERANCE) {
      if (accepted.test(gamma)) {
        succeeded = gamma;
        gamma += step / 2;
      } else {
        gamma -= step / 2;
      }
      step /= 2;
    }
    return succeeded;
  }

  /**
   * The condition on γ for these honest gradients, given a_i = ‖μ − g_i‖², b_i = (μ − g_i)·∇p and c
   * = ‖∇p‖², so that ‖μ − γ∇p − g_i‖² = a_i − 2γ b_i + γ² c.
   */
  abstract DoublePredicate condition(float[][] rows, double[] a, double[] b, double c);

  /** The γ this fault uses at this step. */
  double gamma(HonestGradients honest, double[] p) {
    float[][] rows = honest.rows();
    double[] mean = honest.mean();
    double[] a = new double[rows.length];
    double[] b = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      a[i] = Distances.squared(mean, rows[i]);
      b[i] = Distances.dot(mean, p) - Distances.dot(p, rows[i]);
    }
    return search(condition(rows, a, b, Distances.dot(p, p)));
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    int needed = perturbation == Perturbation.STD ? 2 : 1;
    if (honestWorkers.length < needed) {
      throw new IllegalArgumentException(
          family()
              + " needs at least "
              + needed
              + " honest worker(s); got "
              + honestWorkers.length);
    }
  }

  /** The report at the searched γ; the step's other workers reuse the γ (it ignores the worker). */
  @Override
  public synchronized float[] corrupt(float[] honest, FaultContext context) {
    double[] p = perturbation.of(context.honest());
    if (searched.get() != context.honest()) {
      searchedGamma = gamma(context.honest(), p);
      searched = new WeakReference<>(context.honest());
    }
    return report(searchedGamma, p, context.honest().mean());
  }

  @Override
  public float[] corruptAt(double scale, float[] honest, FaultContext context) {
    return report(scale, perturbation.of(context.honest()), context.honest().mean());
  }

  private static float[] report(double gamma, double[] p, double[] mean) {
    float[] out = new float[mean.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (mean[j] - gamma * p[j]);
    }
    return out;
  }

  @Override
  public String toString() {
    return family();
  }
}
