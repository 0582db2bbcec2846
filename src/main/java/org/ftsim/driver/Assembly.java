package org.ftsim.driver;

import org.apache.spark.sql.SparkSession;
import org.ftsim.aggregation.Defense;
import org.ftsim.config.Checks;
import org.ftsim.config.ConfigException;
import org.ftsim.config.DefenseConfig;
import org.ftsim.config.FaultConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.config.TrainingConfig;
import org.ftsim.correction.CorrectionSchedule;
import org.ftsim.correction.Corrector;
import org.ftsim.correction.RegressorRegistry;
import org.ftsim.correction.ReplicaPlan;
import org.ftsim.data.Dataset;
import org.ftsim.data.DatasetDescriptor;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.InputShape;
import org.ftsim.data.Partitioner;
import org.ftsim.data.Partitioners;
import org.ftsim.fault.FaultPlan;
import org.ftsim.model.ArchitectureRegistry;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;
import org.ftsim.optim.LearningRateScaling;
import org.ftsim.optim.Optimizer;
import org.ftsim.optim.Optimizers;

/**
 * Builds the components of a run from its configuration, once, and checks them against the run (the
 * worker count, the declared f, the dataset's shape): the one place the command line, the
 * simulation and a resumed run get them from. Every refusal is a {@link ConfigException} naming the
 * flag and the value.
 */
public final class Assembly {

  private Assembly() {}

  /**
   * {@code c} with every default that depends on the dataset filled in from its descriptor; an
   * unknown dataset is left for {@link #check} to refuse.
   */
  public static SimulationConfig resolve(SimulationConfig c) {
    String dataset = c.data().dataset();
    TrainingConfig t = c.training();
    DefenseConfig d = c.defense();
    boolean faulty = !c.faults().faulty().isEmpty();
    String rule =
        d.defense() != null ? d.defense() : !faulty || c.correction().enabled() ? "mean" : "drop";
    int tolerate = d.tolerate() >= 0 ? d.tolerate() : c.faults().faulty().size();
    c =
        c.withDefense(
            new DefenseConfig(
                rule, d.pre(), tolerate, d.detect(), d.aggregateOn(), d.rootSamples()));
    if (!DatasetRegistry.names().contains(dataset)) {
      return c;
    }
    DatasetDescriptor data = DatasetRegistry.get(dataset);
    String optimizer = t.optimizer() != null ? t.optimizer() : data.defaultOptimizer();
    return c.withTraining(
        t.withResolved(
            t.arch() != null ? t.arch() : data.defaultArch(),
            optimizer,
            !Double.isNaN(t.lr()) ? t.lr() : data.defaultLearningRate(),
            !Double.isNaN(t.momentum()) ? t.momentum() : data.defaultMomentum(optimizer)));
  }

  /**
   * Checks {@code c} (resolved): its plain values, then that every component can be built and fits
   * the run. Returns {@code c}.
   */
  public static SimulationConfig check(SimulationConfig c) {
    String dataset = c.data().dataset();
    DatasetDescriptor data;
    try {
      data = DatasetRegistry.get(dataset);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("-d/--dataset", dataset, e.getMessage());
    }
    String arch = c.training().arch();
    String misfit = ArchitectureRegistry.misfit(arch, dataset);
    if (misfit != null) {
      throw new ConfigException("--arch", arch, misfit);
    }
    int resize = c.data().resize();
    if (resize != 0) {
      if (resize < 0) {
        throw new ConfigException("--resize", resize, "must be positive (or 0 for none)");
      }
      if (data.shape().height() == 1) {
        throw new ConfigException(
            "--resize", resize, "resizes images; the " + dataset + " dataset's input is flat");
      }
      String unsuitable = ArchitectureRegistry.get(arch).unsuitableInput(input(c, data.shape()));
      if (unsuitable != null) {
        throw new ConfigException("--arch", arch, unsuitable + " (--resize " + resize + ")");
      }
    }
    Checks.check(c);
    FaultPlan faults = faults(c);
    ProtocolParts.check(c, faults);
    if (data.isRegression()) {
      for (int w : faults.faultyWorkers()) {
        if (faults.fault(w).flipsLabels()) {
          throw new ConfigException(
              c.faults().faultOf().containsKey(w) ? "--fault-of" : "--fault",
              faults.faultName(w),
              "flips labels; the " + dataset + " regression has none");
        }
      }
    }
    Defense rule = defense(c);
    RootGradient.check(c, rule);
    String detect = c.defense().detect();
    if (detect != null) {
      DetectionStage.detector(c);
    } else if (rule.dropsFlagged()) {
      throw new ConfigException(
          "-df/--defense", c.defense().defense(), "drops the flagged workers; name a --detect");
    }
    if (c.correction().enabled()) {
      if (rule.dropsKnownFaulty()) {
        throw new ConfigException(
            "-df/--defense",
            c.defense().defense(),
            "drop discards the corrected gradients; use mean or a robust rule");
      }
      String model = c.correction().model();
      if (!RegressorRegistry.names().contains(org.ftsim.base.Spec.parse(model).name())) {
        throw new ConfigException(
            "--correct-model",
            model,
            "unknown regressor; valid: " + String.join(", ", RegressorRegistry.names()));
      }
    }
    optimizer(c);
    Partitioner partitioner;
    try {
      partitioner = Partitioners.create(c.data().partition());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--partition", c.data().partition(), e.getMessage());
    }
    if (partitioner.needsLabels() && data.isRegression()) {
      throw new ConfigException(
          "--partition",
          c.data().partition(),
          "deals by label; the " + dataset + " regression has none");
    }
    scaling(c);
    return c;
  }

  /** The components of run {@code c} (checked) over its training set; the run's own instances. */
  public static Components assemble(SimulationConfig c, Dataset train) {
    boolean regression = !train.isClassification();
    ModelSpec model =
        new ModelSpec(
            c.training().arch(),
            input(c, train.shape()),
            regression ? 1 : train.classes(),
            regression);
    Network network = model.network();
    return new Components(
        model,
        ProtocolParts.batches(c, train),
        faults(c),
        defense(c),
        optimizer(c),
        scaling(c),
        InitialParameters.of(c, model, network),
        network.statePositions(),
        ProtocolParts.momentum(c, faults(c)),
        ProtocolParts.schedule(c),
        ProtocolParts.weightDecay(c),
        RootGradient.of(c, model, train));
  }

  /** The network's input: the dataset's images, resized to {@code --resize} if set. */
  static InputShape input(SimulationConfig c, InputShape own) {
    int side = c.data().resize();
    return side == 0 ? own : new InputShape(own.channels(), side, side);
  }

  /** The correction of {@code c} on {@code spark}, or null when it does not correct. */
  static CorrectionStage correction(SimulationConfig c, SparkSession spark) {
    if (!c.correction().enabled()) {
      return null;
    }
    return new CorrectionStage(
        c.correction(),
        new CorrectionSchedule(c.correction().replicaSteps(), c.correction().every()),
        new ReplicaPlan(c.workers(), c.faults().faultyArray(), c.seed()),
        c.seed(),
        new Corrector(
            RegressorRegistry.create(c.correction().model(), spark, c.seed()),
            c.correction().weight()),
        spark);
  }

  /** The detection of {@code c} (checked), or null when it names no detector. */
  static DetectionStage detection(SimulationConfig c) {
    return c.defense().detect() == null
        ? null
        : new DetectionStage(
            DetectionStage.detector(c), faults(c), c.seed(), c.correction().enabled());
  }

  private static FaultPlan faults(SimulationConfig c) {
    FaultConfig f = c.faults();
    try {
      return new FaultPlan(
          c.workers(),
          f.faultyArray(),
          f.fault(),
          f.faultOf(),
          f.faultProb(),
          f.faultStart(),
          c.seed());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          f.faultOf().isEmpty() ? "--fault" : "--fault/--fault-of",
          f.faultOf().isEmpty() ? f.fault() : f.fault() + " " + f.faultOf(),
          e.getMessage());
    }
  }

  /**
   * The defense of {@code c}, checked against (and so told) the worker count and the declared
   * faulty workers: with it, a step whose crashed workers leave too few rows falls back to the same
   * rule for fewer faulty workers.
   */
  private static Defense defense(SimulationConfig c) {
    DefenseConfig d = c.defense();
    Defense rule;
    try {
      rule = Defense.parse(d.defense(), d.pre(), d.tolerate(), c.seed());
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          d.pre().isBlank() ? "-df/--defense" : "-df/--pre",
          d.pre().isBlank() ? d.defense() : d.defense() + " --pre " + d.pre(),
          e.getMessage());
    }
    int faulty = c.faults().faulty().size();
    try {
      rule.checkFeasible(c.workers(), faulty);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("-df/--defense", d.defense(), e.getMessage());
    }
    if (rule.dropsKnownFaulty() && faulty == 0) {
      throw new ConfigException(
          "-df/--defense", d.defense(), "drop removes the faulty workers, but -f names none");
    }
    return rule;
  }

  private static Optimizer optimizer(SimulationConfig c) {
    TrainingConfig t = c.training();
    if (!Optimizers.NAMES.contains(t.optimizer())) {
      throw new ConfigException(
          "--optimizer",
          t.optimizer(),
          "unknown optimizer; valid: " + String.join(", ", Optimizers.NAMES));
    }
    try {
      return Optimizers.create(t.optimizer(), t.momentum());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--momentum", t.momentum(), e.getMessage());
    }
  }

  private static LearningRateScaling scaling(SimulationConfig c) {
    try {
      return LearningRateScaling.parse(c.training().lrScaling());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--lr-scaling", c.training().lrScaling(), e.getMessage());
    }
  }
}
