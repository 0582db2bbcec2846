package org.ftsim.checkpoint;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.ftsim.aggregation.Defense;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.CorrectionState;
import org.ftsim.detection.DetectionState;
import org.ftsim.fault.FaultState;
import org.ftsim.fault.FaultStates;
import org.ftsim.optim.OptimizerState;
import org.ftsim.results.Timings;

/**
 * The driver's whole state after a step: what a run resumed from it needs to take the next step
 * exactly as the uninterrupted run would. Everything random in a run is drawn from streams keyed by
 * (seed, purpose, epoch, step, worker) ({@link org.ftsim.base.Seeds}), so no generator position is
 * saved; the state that does carry from step to step is the parameters, the optimizer's, the
 * defense's (centered clipping's centre, bucketing's permutation counter), the correction's and the
 * detection's (a reputation's suspicions, the score of the flags so far), the honest workers'
 * momentum vectors and the faults' ({@code mimic-warmup}'s tracked mean, direction and target).
 *
 * @param config the run's configuration, run id included
 * @param step the global step taken last (the next one is {@code step + 1}); epochs hold a whole
 *     number of steps, so it fixes the epoch and the position in it
 * @param progress the driver loop's running sums, for its console lines and runs row
 * @param params the parameters after step {@code step}
 * @param optimizer the optimizer's state
 * @param defense the defense's state
 * @param correction the correction's state, or null when the run does not correct
 * @param detection the detection's state, or null when the run has no detector
 * @param workerMomentum the honest workers' momentum vectors ({@code --worker-momentum}): the
 *     accumulations so far and one vector per honest worker in worker order, none without momentum
 * @param faults the state of the faults that carry it across steps ({@link FaultStates}), keyed by
 *     the lowest faulty worker each serves; empty when none does
 */
public record Checkpoint(
    SimulationConfig config,
    long step,
    Progress progress,
    float[] params,
    OptimizerState optimizer,
    Defense.State defense,
    CorrectionState correction,
    DetectionState detection,
    OptimizerState workerMomentum,
    Map<Integer, FaultState> faults) {

  /** No worker momentum. */
  public static final OptimizerState NO_MOMENTUM = new OptimizerState(0, java.util.List.of());

  public Checkpoint {
    if (workerMomentum == null) {
      workerMomentum = NO_MOMENTUM;
    }
    faults = faults == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(faults));
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(params, "params");
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(defense, "defense");
    if (step < 0) {
      throw new IllegalArgumentException("a checkpoint's step is >= 0; got " + step);
    }
  }

  /** A checkpoint of a run without a detector. */
  public Checkpoint(
      SimulationConfig config,
      long step,
      Progress progress,
      float[] params,
      OptimizerState optimizer,
      Defense.State defense,
      CorrectionState correction) {
    this(config, step, progress, params, optimizer, defense, correction, null, NO_MOMENTUM, null);
  }

  /** A checkpoint of a run without worker momentum. */
  public Checkpoint(
      SimulationConfig config,
      long step,
      Progress progress,
      float[] params,
      OptimizerState optimizer,
      Defense.State defense,
      CorrectionState correction,
      DetectionState detection) {
    this(
        config,
        step,
        progress,
        params,
        optimizer,
        defense,
        correction,
        detection,
        NO_MOMENTUM,
        null);
  }

  /** This checkpoint with {@code other} as its configuration (a resume's allowed overrides). */
  public Checkpoint withConfig(SimulationConfig other) {
    return new Checkpoint(
        other,
        step,
        progress,
        params,
        optimizer,
        defense,
        correction,
        detection,
        workerMomentum,
        faults);
  }

  /**
   * The driver loop's running sums.
   *
   * @param startedAt when the run first started (epoch milliseconds), for the runs row
   * @param epochLoss the sum of the train losses of the current epoch's steps so far
   * @param epochSteps the steps of the current epoch so far
   * @param lastMetric the last evaluation's metric, or NaN
   * @param timings the timing totals so far
   */
  public record Progress(
      long startedAt, double epochLoss, int epochSteps, double lastMetric, Timings timings) {}
}
