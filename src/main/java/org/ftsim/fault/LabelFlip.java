package org.ftsim.fault;

/**
 * {@code labelflip}: the worker trains on flipped labels C − 1 − y (C classes), so the fault is in
 * the data, not the gradient: {@link #flipsLabels()} tells the driver to flip the worker's labels,
 * and {@link #corrupt} reports the gradient so computed unchanged (a copy).
 */
public final class LabelFlip implements Fault {

  @Override
  public boolean flipsLabels() {
    return true;
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return honest.clone();
  }

  @Override
  public String toString() {
    return "labelflip";
  }
}
