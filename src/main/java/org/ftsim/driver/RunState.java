package org.ftsim.driver;

import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.config.SimulationConfig;
import org.ftsim.fault.FaultStates;
import org.ftsim.results.Rows.StepRow;
import org.ftsim.results.Timings;

/**
 * What the run loop carries from step to step besides the parts' own state: the parameters, the
 * step, the current epoch's running loss, the last metric and the timing totals. It starts fresh or
 * from a checkpoint, whose parts' state it puts back too, and makes the checkpoints.
 */
final class RunState {

  float[] params;
  int step;
  double epochLoss;
  int epochSteps;
  double lastMetric = Double.NaN;
  Timings timings = Timings.NONE;
  long startedAt;
  String divergence;

  private RunState() {}

  /**
   * The state at the start of run {@code c}: the initial parameters, or those of {@code from} with
   * the parts' state (optimizer, defense, worker momentum, faults, correction, detection) restored
   * from it when it is not null.
   */
  static RunState start(
      SimulationConfig c,
      Components parts,
      CorrectionStage correction,
      DetectionStage detection,
      Checkpoint from) {
    RunState s = new RunState();
    s.params = parts.initial().clone();
    if (from == null) {
      s.startedAt = System.currentTimeMillis();
      return s;
    }
    if (from.params().length != s.params.length
        || (from.correction() == null) != (correction == null)
        || (from.detection() == null) != (detection == null)) {
      throw new IllegalStateException(
          "the checkpoint of run " + c.runId() + " is not of this configuration");
    }
    s.params = from.params().clone();
    parts.optimizer().restore(from.optimizer());
    parts.defense().restore(from.defense());
    parts.momentum().restore(from.workerMomentum());
    FaultStates.restore(parts.faults(), from.faults());
    if (correction != null) {
      correction.restore(from.correction());
    }
    if (detection != null) {
      detection.restore(from.detection());
    }
    Checkpoint.Progress p = from.progress();
    s.step = Math.toIntExact(from.step());
    s.startedAt = p.startedAt();
    s.epochLoss = p.epochLoss();
    s.epochSteps = p.epochSteps();
    s.lastMetric = p.lastMetric();
    s.timings = p.timings();
    return s;
  }

  /** A new epoch begins. */
  void newEpoch() {
    epochLoss = 0;
    epochSteps = 0;
  }

  /** Step {@code row} was taken. */
  void took(StepRow row) {
    timings = timings.plus(row);
    epochLoss += row.trainLoss();
    epochSteps++;
  }

  /** A copy of the whole state after the current step, the parts' included. */
  Checkpoint checkpoint(
      SimulationConfig c, Components parts, CorrectionStage correction, DetectionStage detection) {
    return new Checkpoint(
        c,
        step,
        new Checkpoint.Progress(startedAt, epochLoss, epochSteps, lastMetric, timings),
        params.clone(),
        parts.optimizer().state(),
        parts.defense().state(),
        correction == null ? null : correction.state(),
        detection == null ? null : detection.state(),
        parts.momentum().state(),
        FaultStates.of(parts.faults()));
  }
}
