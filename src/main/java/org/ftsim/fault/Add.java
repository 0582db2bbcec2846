package org.ftsim.fault;

/**
 * {@code add:C} reports g + C: every coordinate shifted by the same constant.
 *
 * <p>Parameter {@code constant} (C): any finite number; required.
 */
public final class Add implements Fault {

  private final double constant;

  /** Adds {@code constant} to every coordinate. */
  public Add(double constant) {
    Parameters.requireFinite("add constant", constant);
    this.constant = constant;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    float[] out = new float[honest.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (honest[j] + constant);
    }
    return out;
  }

  @Override
  public String toString() {
    return "add:constant=" + constant;
  }
}
