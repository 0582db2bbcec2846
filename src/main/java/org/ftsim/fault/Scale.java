package org.ftsim.fault;

/** {@code scale:F} reports g·F; the prototype's fault is F = 10. */
public final class Scale implements Fault {

  /** The prototype's factor. */
  public static final double DEFAULT_FACTOR = 10;

  private final float factor;

  /** Scales every coordinate by {@code factor}. */
  public Scale(double factor) {
    if (!Double.isFinite(factor)) {
      throw new IllegalArgumentException("scale factor must be finite; got " + factor);
    }
    this.factor = (float) factor;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = honest[j] * factor;
    }
    return out;
  }

  @Override
  public String toString() {
    return "scale:" + factor;
  }
}
