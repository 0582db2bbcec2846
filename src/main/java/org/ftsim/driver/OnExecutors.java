package org.ftsim.driver;

import java.util.Set;
import org.ftsim.base.Spec;
import org.ftsim.config.ConfigException;
import org.ftsim.config.DefenseConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.fault.FaultPlan;

/**
 * Which runs can aggregate on the executors ({@code --aggregate-on executors}): a coordinate-wise
 * rule, Krum, Multi-Krum or Bulyan, without pre-aggregators but NNM before a coordinate-wise rule
 * (with any fault but those that read whole honest vectors or the defense), no detector, no
 * correction and no batch normalisation. Anything else is refused before the first step, in one
 * line naming what runs on the driver only.
 */
public final class OnExecutors {

  /** The rules that finish on a block of coordinates: each coordinate depends on itself alone. */
  public static final Set<String> RULES =
      Set.of("mean", "none", "drop", "median", "trimmed-mean", "meamed");

  /**
   * The rules that select rows from their pairwise distances, then combine them coordinate-wise:
   * the distances are summed from per-block partials, the selection made on the driver.
   */
  public static final Set<String> DISTANCE_RULES =
      Set.of("krum", "multi-krum", "bulyan", "geomed", "cclip");

  private OnExecutors() {}

  /** Throws a {@link ConfigException} when the run asks for the executors but cannot use them. */
  public static void check(SimulationConfig config, Components parts) {
    DefenseConfig d = config.defense();
    if (!d.onExecutors()) {
      return;
    }
    String why = refusal(config, parts);
    if (why != null) {
      throw new ConfigException("--aggregate-on", DefenseConfig.EXECUTORS, why);
    }
  }

  private static String refusal(SimulationConfig config, Components parts) {
    DefenseConfig d = config.defense();
    String rule = Spec.parse(d.defense()).name();
    if (!RULES.contains(rule) && !DISTANCE_RULES.contains(rule)) {
      return "rule "
          + rule
          + " runs on the driver only; on the executors: "
          + String.join(
              ", ",
              java.util.stream.Stream.concat(RULES.stream(), DISTANCE_RULES.stream())
                  .sorted()
                  .toList());
    }
    boolean nnmAlone = d.pre().strip().equals("nnm");
    if (!d.pre().isBlank() && (!nnmAlone || DISTANCE_RULES.contains(rule) || rule.equals("drop"))) {
      return "pre-aggregators (--pre "
          + d.pre()
          + ") run on the driver only; on the executors: --pre nnm before "
          + String.join(", ", RULES.stream().filter(r -> !r.equals("drop")).sorted().toList());
    }
    if (d.detect() != null) {
      return "detection (--detect " + d.detect() + ") runs on the driver only";
    }
    if (config.correction().enabled()) {
      return "correction (--correct) runs on the driver only";
    }
    if (config.training().workerMomentum() > 0) {
      return "worker momentum (--worker-momentum "
          + config.training().workerMomentum()
          + ") is kept on the driver only";
    }
    FaultPlan faults = parts.faults();
    for (int w : faults.faultyWorkers()) {
      if (faults.fault(w).omniscient() && !faults.fault(w).coordinateWise()) {
        return "fault "
            + faults.faultName(w)
            + " reads whole honest vectors or the defense and runs on the driver only";
      }
    }
    if (parts.state().length > 0) {
      return "batch normalisation's statistics (--arch "
          + config.training().arch()
          + ") are kept on the driver only";
    }
    return null;
  }
}
