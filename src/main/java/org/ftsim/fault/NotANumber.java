package org.ftsim.fault;

import java.util.Arrays;

/** {@code nan} reports NaN in every coordinate: a numerically broken worker. */
public final class NotANumber implements Fault {

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    float[] out = new float[honest.length];
    Arrays.fill(out, Float.NaN);
    return out;
  }

  @Override
  public String toString() {
    return "nan";
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
