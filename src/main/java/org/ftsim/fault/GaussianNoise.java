package org.ftsim.fault;

/**
 * {@code gaussian:STD[,MEAN]} reports g + ε with ε ~ N(MEAN, STD²·I): independent noise on every
 * coordinate, drawn from the context's (seed, worker, step) generator by {@link StandardNormal}. A
 * non-zero mean biases every coordinate the same way (ByzFL's Gaussian μ, Blades' Noise mean).
 *
 * <p>Parameters {@code std} (STD): a finite number ≥ 0 (0 reports g + MEAN); required. {@code mean}
 * (MEAN): a finite number; default 0 (the same numbers as without it).
 */
public final class GaussianNoise implements Fault {

  private final double std;
  private final double mean;

  /** Adds noise of standard deviation {@code std}. */
  public GaussianNoise(double std) {
    this(std, 0);
  }

  /** Noise of standard deviation {@code std} and mean {@code mean} on every coordinate. */
  public GaussianNoise(double std, double mean) {
    Parameters.requireNonNegative("gaussian std", std);
    Parameters.requireFinite("gaussian mean", mean);
    this.std = std;
    this.mean = mean;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    StandardNormal normal = new StandardNormal(context.random());
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      double noisy = honest[j] + std * normal.next();
      out[j] = (float) (mean == 0 ? noisy : noisy + mean);
    }
    return out;
  }

  @Override
  public String toString() {
    return "gaussian:std=" + std + (mean == 0 ? "" : ",mean=" + mean);
  }
}
