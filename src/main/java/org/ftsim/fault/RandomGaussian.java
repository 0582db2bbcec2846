package org.ftsim.fault;

/**
 * {@code random:STD} reports a pure noise vector ε ~ N(0, STD²·I), ignoring g: the "Byzantine"
 * random gradient. Draws come from the context's (seed, worker, step) generator by {@link
 * StandardNormal}.
 *
 * <p>Parameter {@code std} (STD): a finite number ≥ 0 (0 reports the zero vector); required.
 */
public final class RandomGaussian implements Fault {

  private final double std;

  /** Reports noise of standard deviation {@code std}. */
  public RandomGaussian(double std) {
    Parameters.requireNonNegative("random std", std);
    this.std = std;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    StandardNormal normal = new StandardNormal(context.random());
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (std * normal.next());
    }
    return out;
  }

  @Override
  public String toString() {
    return "random:std=" + std;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
