package org.ftsim.fault;

/**
 * A fault model: what a faulty worker reports in place of its honest gradient.
 *
 * <p>Faults run on the driver over the step's worker-ordered honest gradients, so omniscient faults
 * (ALIE, IPM, mimic) can read the honest workers' gradients through the context. A fault never
 * modifies its inputs and returns a new array, or {@code null} when the worker reports nothing that
 * step (a crash). Faults are immutable, one instance may serve several workers, except for two
 * kinds of memory: within a step ({@link Shared}'s vector; the scale {@link LineSearch}, {@link
 * FangKrum}, {@link MinMax} and {@link MinSum} search, reused by the step's other workers), and
 * across steps ({@link MimicWarmup}'s tracked direction and target, which {@link #state()} gives to
 * checkpoints). Random faults draw only from {@link FaultContext#random()}.
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

  /**
   * Whether what this fault reports depends on the worker's own gradient (its {@code honest}
   * argument): false for the faults that read only the honest workers' gradients or none at all,
   * which can run for a worker dealt no data ({@code --byzantine-data none}).
   */
  default boolean needsOwnGradient() {
    return true;
  }

  /**
   * Whether this fault reads the honest workers' gradients or the defense ({@link
   * FaultContext#honest}, {@link FaultContext#defense}): the omniscient faults (ALIE, IPM, mimic,
   * Fang's, Min-Max/Min-Sum, the line searches). Others corrupt a gradient knowing only the step,
   * so they can run where the gradient is computed ({@link FaultPlan#corruptAlone}).
   */
  default boolean omniscient() {
    return false;
  }

  /** Whether the worker reports nothing when this fault acts ({@link Crash}). */
  default boolean reportsNothing() {
    return false;
  }

  /**
   * Whether this {@link #omniscient} fault acts on each coordinate alone, through the honest
   * workers' coordinate-wise statistics (ALIE, IPM, mimic), so that it can be given one block of
   * coordinates at a time ({@code --aggregate-on executors}); false for faults that need whole
   * vectors (norms, distances) or the defense.
   */
  default boolean coordinateWise() {
    return false;
  }

  /**
   * Throws {@link IllegalArgumentException}, naming the numbers, when this fault cannot run in a
   * plan of {@code workers} workers whose honest workers are {@code honestWorkers} (e.g. ALIE needs
   * two honest gradients for a standard deviation; mimic's target must be honest). Called once per
   * faulty worker when a {@link FaultPlan} is built, so that a run fails before its first step.
   */
  default void checkFeasible(int workers, int[] honestWorkers) {}

  /**
   * What this fault carries across steps, a copy, for checkpoints; {@code null} for the faults that
   * carry nothing (all but {@link MimicWarmup}).
   */
  default FaultState state() {
    return null;
  }

  /** Puts back a {@link #state()} saved earlier, so that the next step acts as it would have. */
  default void restore(FaultState state) {}
}
