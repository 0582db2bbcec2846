package org.ftsim.fault;

/**
 * A fault whose report is a family in one scale parameter (IPM's ε, ALIE's z, Fang's λ or b,
 * Min-Max's γ), so that {@link LineSearch} ({@code optimal:FAULT}) can choose the scale per step
 * against the actual defense.
 */
public interface Scalable extends Fault {

  /**
   * The family as a spec without its scale, e.g. {@code ipm} or {@code minmax:perturbation=std}:
   * the text after {@code optimal:}.
   */
  String family();

  /**
   * What this fault reports with its scale set to {@code scale} (any finite number, 0 included),
   * everything else as {@link #corrupt}.
   */
  float[] corruptAt(double scale, float[] honest, FaultContext context);

  /**
   * Whether the report depends on the worker, through its own gradient ({@code scale}, {@code
   * signflip}) or its draws, rather than only on the honest gradients and the scale; a scale chosen
   * for one worker serves the step's other workers only when it does not.
   */
  default boolean dependsOnWorker() {
    return false;
  }
}
