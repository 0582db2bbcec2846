package org.ftsim.detection;

/**
 * A detector of faulty workers: from one step's reported gradients alone (never the truth), a
 * suspicion score and a flag per worker. Implementations are named after the method; a detector
 * that carries suspicion across steps exposes it through {@link #state()} for checkpoints.
 */
public interface Detector {

  /**
   * Judges one step's reports.
   *
   * @param reports per worker, its reported gradient (all of length d), or null when nothing
   *     arrived; a worker without a report is never flagged and its suspicion is NaN. Not modified.
   * @return the suspicion and flag of every worker
   */
  Detection detect(float[][] reports);

  /**
   * r, the copies of each sub-batch this detector needs computed ({@link ReplicationPlan}); 1, the
   * default, for a detector that judges the reports alone.
   */
  default int copies() {
    return 1;
  }

  /**
   * Judges one step from the copies of its sub-batches ({@link #copies()} per sub-batch); by
   * default from the reports alone, {@code replicas.reports()}.
   */
  default Detection detect(Replicas replicas) {
    return detect(replicas.reports());
  }

  /** The state carried from step to step (none by default), for checkpoints. */
  default double[] state() {
    return new double[0];
  }

  /** Continues from {@code state}, a {@link #state()} of a detector built alike. */
  default void restore(double[] state) {
    if (state.length != 0) {
      throw new IllegalArgumentException(this + " carries no state; got " + state.length);
    }
  }
}
