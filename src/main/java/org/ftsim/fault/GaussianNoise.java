package org.ftsim.fault;

/**
 * {@code gaussian:STD} reports g + ε with ε ~ N(0, STD²·I): independent noise on every coordinate,
 * drawn from the context's (seed, worker, step) generator by {@link StandardNormal}.
 *
 * <p>Parameter {@code std} (STD): a finite number ≥ 0 (0 reports g); required.
 */
public final class GaussianNoise implements Fault {

  private final double std;

  /** Adds noise of standard deviation {@code std}. */
  public GaussianNoise(double std) {
    Parameters.requireNonNegative("gaussian std", std);
    this.std = std;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    StandardNormal normal = new StandardNormal(context.random());
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (honest[j] + std * normal.next());
    }
    return out;
  }

  @Override
  public String toString() {
    return "gaussian:std=" + std;
  }
}
