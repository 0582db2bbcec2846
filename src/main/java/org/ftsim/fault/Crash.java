package org.ftsim.fault;

/**
 * {@code crash}: the worker reports nothing that step ({@link #corrupt} returns {@code null}). The
 * aggregation sees only the reports that arrived, and k counts only those; the worker is back at
 * the next step unless it crashes again (with {@code --fault-prob 1} it never reports).
 */
public final class Crash implements Fault {

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return null;
  }

  @Override
  public String toString() {
    return "crash";
  }

  @Override
  public boolean reportsNothing() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
