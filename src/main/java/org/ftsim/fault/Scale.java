package org.ftsim.fault;

/**
 * {@code scale:F} reports F·g; the prototype's fault is F = 10.
 *
 * <p>Parameter {@code factor} (F): any finite number; default {@value #DEFAULT_FACTOR}.
 */
public final class Scale implements Scalable {

  /** The prototype's factor. */
  public static final double DEFAULT_FACTOR = 10;

  private final double factor;

  /** Scales every coordinate by {@code factor}. */
  public Scale(double factor) {
    Parameters.requireFinite("scale factor", factor);
    this.factor = factor;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return corruptAt(factor, honest, context);
  }

  @Override
  public float[] corruptAt(double scale, float[] honest, FaultContext context) {
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (honest[j] * scale);
    }
    return out;
  }

  @Override
  public boolean dependsOnWorker() {
    return true;
  }

  @Override
  public String family() {
    return "scale";
  }

  @Override
  public String toString() {
    return "scale:factor=" + factor;
  }
}
