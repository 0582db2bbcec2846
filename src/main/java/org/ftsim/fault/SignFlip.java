package org.ftsim.fault;

/**
 * {@code signflip[:S]} reports −S·g, the sign-flipping attack (Allen-Zhu et al., "Byzantine-
 * resilient non-convex stochastic gradient descent", ICLR 2021, and the attack benchmarks since).
 *
 * <p>Parameter {@code factor} (S): a finite number > 0 (a negative one would not flip; use {@code
 * scale}); default {@value #DEFAULT_FACTOR}.
 */
public final class SignFlip implements Scalable {

  /** Plain sign flipping, −g. */
  public static final double DEFAULT_FACTOR = 1;

  private final double factor;

  /** Reports {@code −factor·g}. */
  public SignFlip(double factor) {
    Parameters.requirePositive("signflip factor", factor);
    this.factor = -factor;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return flipped(factor, honest);
  }

  /** −S·g at S = {@code scale}. */
  @Override
  public float[] corruptAt(double scale, float[] honest, FaultContext context) {
    return flipped(-scale, honest);
  }

  private static float[] flipped(double factor, float[] honest) {
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (honest[j] * factor);
    }
    return out;
  }

  @Override
  public boolean dependsOnWorker() {
    return true;
  }

  @Override
  public String family() {
    return "signflip";
  }

  @Override
  public String toString() {
    return "signflip:factor=" + -factor;
  }
}
