package org.ftsim.fault;

/**
 * {@code random:STD[,MEAN]} reports a pure noise vector ε ~ N(MEAN, STD²·I), ignoring g: the
 * "Byzantine" random gradient; with MEAN it is ByzFL's {@code Gaussian(mu, sigma)} and Blades'
 * {@code NoiseAdversary(mean, std)} (whose defaults are 0.1, 0.1). Draws come from the context's
 * (seed, worker, step) generator by {@link StandardNormal}.
 *
 * <p>Parameters {@code std} (STD): a finite number ≥ 0 (0 reports MEAN everywhere); required.
 * {@code mean} (MEAN): a finite number; default 0 (the same numbers as without it).
 */
public final class RandomGaussian implements Fault {

  private final double std;
  private final double mean;

  /** Reports noise of standard deviation {@code std}. */
  public RandomGaussian(double std) {
    this(std, 0);
  }

  /** Noise of standard deviation {@code std} and mean {@code mean} on every coordinate. */
  public RandomGaussian(double std, double mean) {
    Parameters.requireNonNegative("random std", std);
    Parameters.requireFinite("random mean", mean);
    this.std = std;
    this.mean = mean;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    StandardNormal normal = new StandardNormal(context.random());
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      double noise = std * normal.next();
      out[j] = (float) (mean == 0 ? noise : noise + mean);
    }
    return out;
  }

  @Override
  public String toString() {
    return "random:std=" + std + (mean == 0 ? "" : ",mean=" + mean);
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
