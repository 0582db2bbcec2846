package org.ftsim.fault;

/**
 * A fault model: what a faulty worker reports in place of its honest gradient.
 *
 * <p>Faults run on the driver over the step's worker-ordered honest gradients, so omniscient faults
 * (ALIE, IPM, mimic) can read the honest workers' gradients through the context. A fault never
 * modifies its inputs and returns a new array, or {@code null} when the worker reports nothing that
 * step (a crash).
 */
public interface Fault {

  /** The gradient reported instead of {@code honest}, or {@code null} for no report. */
  float[] corrupt(float[] honest, FaultContext context);

  /**
   * Whether this fault acts on the data rather than on the gradient: the worker computes its
   * gradient on flipped labels (C − 1 − y), and {@link #corrupt} returns it unchanged.
   */
  default boolean flipsLabels() {
    return false;
  }
}
