package org.ftsim.config;

/**
 * The gradient-correction options (SPEC §7).
 *
 * @param enabled {@code --correct}
 * @param model {@code --correct-model}, a regressor name
 * @param every {@code --correct-every}: corrected steps after each replica phase
 * @param weight {@code --correct-weight}: a corrected gradient is weight × prediction
 * @param replicaSteps {@code --replica-steps}: steps of each replica phase
 */
public record CorrectionConfig(
    boolean enabled, String model, int every, double weight, int replicaSteps) {

  /** Correction off, with the prototype's settings ready. */
  public static CorrectionConfig off() {
    return new CorrectionConfig(false, "linear", 10, 0.95, 1);
  }
}
