package org.ftsim.fault;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * {@code alie[:z]}, "A Little Is Enough": reports μ − z·σ, where μ_j and σ_j are the mean and the
 * standard deviation of coordinate j over the h = n − f honest gradients of the step. Every ALIE
 * worker reports the same vector, just far enough from the mean to pass coordinate-wise and
 * distance-based defenses.
 *
 * <p>σ is the sample standard deviation (divisor h − 1): the attacker estimates the spread of the
 * honest gradient distribution from h draws of it, and the reference implementations do the same
 * ({@code torch.std} in the authors' code, {@code var(ddof=1)} in ByzFL), so that z means what it
 * means there. It needs h ≥ 2.
 *
 * <p>Without z, z = z_max of Baruch et al. (Algorithm 3) from n and f: s = ⌊n/2 + 1⌋ − f (the
 * honest workers the attackers must sway for a majority) and z = Φ⁻¹((n − s)/n); for n = 16, f = 5,
 * s = 4 and z = Φ⁻¹(0.75) ≈ 0.6745. This needs s ≥ 1, i.e. f ≤ ⌊n/2⌋.
 *
 * <p>{@code alie-authors} uses z as the authors' and Blades' code computes it, with the h = n − f
 * honest workers in place of n: z = Φ⁻¹((n − f − s)/(n − f)); for n = 16, f = 3, s = 6 and z =
 * Φ⁻¹(7/13) ≈ 0.0967. This needs 1 ≤ s &lt; n − f.
 *
 * <p>Parameter {@code z}: a finite number; default z_max(n, f).
 *
 * <p>Baruch, M., Baruch, G. and Goldberg, Y. (2019), "A Little Is Enough: Circumventing Defenses
 * For Distributed Learning", NeurIPS 32.
 */
public final class ALittleIsEnough implements Scalable {

  private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

  private final double z;
  private final boolean fixed;
  private final boolean authors;

  /** ALIE with z = z_max(n, f), computed from the plan. */
  public ALittleIsEnough() {
    this(Double.NaN, false, false);
  }

  /** ALIE with the given {@code z}. */
  public ALittleIsEnough(double z) {
    this(z, true, false);
    Parameters.requireFinite("alie z", z);
  }

  private ALittleIsEnough(double z, boolean fixed, boolean authors) {
    this.z = z;
    this.fixed = fixed;
    this.authors = authors;
  }

  /** {@code alie-authors}: z = {@link #authorsZ}(n, f), the authors' and Blades' code. */
  public static ALittleIsEnough authors() {
    return new ALittleIsEnough(Double.NaN, false, true);
  }

  /**
   * The authors' and Blades' code's z = Φ⁻¹((n − f − s)/(n − f)) with s = ⌊n/2 + 1⌋ − f.
   *
   * @throws IllegalArgumentException unless 1 ≤ s &lt; n − f, naming n and f
   */
  public static double authorsZ(int workers, int faulty) {
    int s = workers / 2 + 1 - faulty;
    int h = workers - faulty;
    if (s < 1 || s >= h) {
      throw new IllegalArgumentException(
          "alie-authors needs 1 <= s < n - f, with s = floor(n/2 + 1) - f; got n="
              + workers
              + ", f="
              + faulty
              + " (s="
              + s
              + ")");
    }
    return STANDARD_NORMAL.inverseCumulativeProbability((h - s) / (double) h);
  }

  /**
   * Baruch et al.'s z_max = Φ⁻¹((n − s)/n) with s = ⌊n/2 + 1⌋ − f.
   *
   * @throws IllegalArgumentException unless 1 ≤ s < n (so f ≤ ⌊n/2⌋), naming n and f
   */
  public static double defaultZ(int workers, int faulty) {
    int s = workers / 2 + 1 - faulty;
    if (s < 1 || s >= workers) {
      throw new IllegalArgumentException(
          "alie without z needs 1 <= s < n, with s = floor(n/2 + 1) - f; got n="
              + workers
              + ", f="
              + faulty
              + " (s="
              + s
              + "); give z, e.g. alie:1");
    }
    return STANDARD_NORMAL.inverseCumulativeProbability((workers - s) / (double) workers);
  }

  /** The z this fault uses with n workers of which f are faulty. */
  public double z(int workers, int faulty) {
    return fixed ? z : authors ? authorsZ(workers, faulty) : defaultZ(workers, faulty);
  }

  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean coordinateWise() {
    return true;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    if (honestWorkers.length < 2) {
      throw new IllegalArgumentException(
          "alie needs at least 2 honest workers for a standard deviation; got "
              + honestWorkers.length);
    }
    z(workers, workers - honestWorkers.length);
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return corruptAt(-z(context.workers(), context.faulty()), honest, context);
  }

  /**
   * μ + τ·σ, ByzFL's sign ({@code optimal:alie} searches τ ≥ 0 as ByzFL does); {@link #corrupt} is
   * τ = −z, the same bits as μ − z·σ.
   */
  @Override
  public float[] corruptAt(double tau, float[] honest, FaultContext context) {
    double[] mean = context.honest().mean();
    double[] std = context.honest().standardDeviation();
    float[] out = new float[mean.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (mean[j] + tau * std[j]);
    }
    return out;
  }

  @Override
  public String family() {
    return "alie";
  }

  @Override
  public String toString() {
    return fixed ? "alie:z=" + z : authors ? "alie-authors" : "alie";
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
