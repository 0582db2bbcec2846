package org.ftsim.fault;

import java.util.Arrays;

/** {@code inf} reports +∞ in every coordinate (ByzFL's {@code Inf} attack). */
public final class Infinity implements Fault {

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    float[] out = new float[honest.length];
    Arrays.fill(out, Float.POSITIVE_INFINITY);
    return out;
  }

  @Override
  public String toString() {
    return "inf";
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
