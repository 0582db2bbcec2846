package org.ftsim.fault;

/** {@code zero} reports the zero vector: a worker that contributes nothing but still counts. */
public final class Zero implements Fault {

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return new float[honest.length];
  }

  @Override
  public String toString() {
    return "zero";
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
