package org.ftsim.driver;

import org.ftsim.config.ConfigException;
import org.ftsim.config.DataConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.config.TrainingConfig;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.ByzantineData;
import org.ftsim.data.Dataset;
import org.ftsim.data.Partitioners;
import org.ftsim.fault.FaultPlan;
import org.ftsim.optim.StepSchedule;
import org.ftsim.optim.WeightDecay;
import org.ftsim.optim.WorkerMomentum;

/**
 * The parts of the references' training protocol (issue 13), built and checked from a
 * configuration: worker momentum, the step schedule, weight decay, and how the faulty workers are
 * dealt data ({@link #batches}). Every refusal is a {@link ConfigException} naming the flag and the
 * value.
 */
final class ProtocolParts {

  private ProtocolParts() {}

  /** Checks the protocol options of {@code c} against its faults. */
  static void check(SimulationConfig c, FaultPlan faults) {
    momentum(c, faults);
    schedule(c);
    weightDecay(c);
    DataConfig d = c.data();
    if (!ByzantineData.MODES.contains(d.byzantineData())) {
      throw new ConfigException(
          "--byzantine-data",
          d.byzantineData(),
          "valid: " + String.join(", ", ByzantineData.MODES));
    }
    if (!(d.validation() >= 0 && d.validation() < 1)) {
      throw new ConfigException("--validation", d.validation(), "must be in [0, 1)");
    }
    if (d.byzantineData().equals("none")) {
      for (int w : faults.faultyWorkers()) {
        if (faults.fault(w).needsOwnGradient() || faults.fault(w).flipsLabels()) {
          throw new ConfigException(
              "--byzantine-data",
              "none",
              "faulty worker "
                  + w
                  + "'s fault "
                  + faults.faultName(w)
                  + " needs its own gradient, but it is dealt no data; use iid or partitioned");
        }
      }
      int honest = c.workers() - faults.faultyCount();
      if (d.globalBatchSize() < honest) {
        throw new ConfigException(
            "-gb/--global_batch_size",
            d.globalBatchSize(),
            "smaller than the number of honest workers (" + honest + "), who share it");
      }
    }
  }

  /** The worker-momentum stage of {@code c}: over its honest workers, inactive for β = 0. */
  static WorkerMomentumStage momentum(SimulationConfig c, FaultPlan faults) {
    TrainingConfig t = c.training();
    WorkerMomentum.Update update;
    try {
      update = WorkerMomentum.update(t.workerMomentumUpdate());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "--worker-momentum-update", t.workerMomentumUpdate(), e.getMessage());
    }
    try {
      return new WorkerMomentumStage(
          new WorkerMomentum(t.workerMomentum(), update), faults.honestWorkers());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--worker-momentum", t.workerMomentum(), "must be in [0, 1)");
    }
  }

  /** The step schedule of {@code c}. */
  static StepSchedule schedule(SimulationConfig c) {
    TrainingConfig t = c.training();
    if (!(t.lrDecay() > 0) || Double.isInfinite(t.lrDecay())) {
      throw new ConfigException("--lr-decay", t.lrDecay(), "must be a positive number");
    }
    try {
      return new StepSchedule(t.lrMilestones(), t.lrDecay());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "--lr-milestones",
          String.join(",", t.lrMilestones().stream().map(String::valueOf).toList()),
          e.getMessage());
    }
  }

  /** The weight decay of {@code c}. */
  static WeightDecay weightDecay(SimulationConfig c) {
    try {
      return new WeightDecay(c.training().weightDecay());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          "--weight-decay", c.training().weightDecay(), "must be a number >= 0");
    }
  }

  /**
   * The batch plan of {@code c} over {@code train}; a partition that cannot be dealt (e.g. a worker
   * short of a sub-batch) is refused naming {@code --partition}.
   */
  static BatchPlan batches(SimulationConfig c, Dataset train) {
    try {
      return ByzantineData.plan(
          Partitioners.create(c.data().partition()),
          train,
          c.data().globalBatchSize(),
          c.workers(),
          c.faults().faultyArray(),
          c.data().byzantineData(),
          c.seed());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--partition", c.data().partition(), e.getMessage());
    }
  }
}
