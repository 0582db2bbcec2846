package org.ftsim.config;

/**
 * The gradient-correction options (SPEC §7).
 *
 * @param enabled {@code --correct}
 * @param model {@code --correct-model}, a regressor name
 * @param every {@code --correct-every}: corrected steps after each replica phase
 * @param weight {@code --correct-weight}: a corrected gradient is weight × prediction
 * @param replicaSteps {@code --replica-steps}: steps of each replica phase
 * @param collectPath {@code --data_coll_path}: where to write the first replica phase's pairs as
 *     Parquet before ending the run, as the prototype's data collection does; null when off
 */
public record CorrectionConfig(
    boolean enabled, String model, int every, double weight, int replicaSteps, String collectPath) {

  /** Correction off, with the prototype's settings ready. */
  public static CorrectionConfig off() {
    return new CorrectionConfig(false, "linear", 10, 0.95, 1, null);
  }

  /** Whether the run only collects the first replica phase's pairs. */
  public boolean collects() {
    return collectPath != null;
  }
}
