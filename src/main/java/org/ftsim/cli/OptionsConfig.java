package org.ftsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ftsim.config.CorrectionConfig;
import org.ftsim.config.DataConfig;
import org.ftsim.config.DefenseConfig;
import org.ftsim.config.FaultConfig;
import org.ftsim.config.RunConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.config.TrainingConfig;

/** The grouped configuration that {@code ftsim train}'s options describe. */
final class OptionsConfig {

  private OptionsConfig() {}

  /** The configuration {@code c} describes, its open defaults not yet resolved. */
  static SimulationConfig of(TrainCommand c) {
    List<Integer> faultyWorkers = new ArrayList<>();
    for (String f : c.faulty) {
      faultyWorkers.add(parseInt("-f/--faulty", f));
    }
    Map<Integer, String> overrides = new LinkedHashMap<>();
    for (String item : c.faultOf) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw new UserError("--fault-of " + item + ": expected I=SPEC, e.g. 3=gaussian:1");
      }
      int w = parseInt("--fault-of", item.substring(0, eq));
      if (overrides.put(w, item.substring(eq + 1)) != null) {
        throw new UserError("--fault-of " + item + ": worker " + w + " given twice");
      }
    }
    return new SimulationConfig(
        new RunConfig(
            c.runId,
            c.resultsDir,
            c.dataDir,
            c.master,
            c.proc == null ? 0 : c.proc,
            c.device,
            c.seed,
            c.maxSteps == null ? 0 : c.maxSteps,
            c.evalEvery == null ? 0 : c.evalEvery,
            c.logEvery,
            c.checkpointEvery == null ? 0 : c.checkpointEvery),
        new DataConfig(
            c.dataset.toLowerCase(Locale.ROOT),
            c.workers,
            c.globalBatch,
            c.partition,
            c.resize == null ? 0 : c.resize,
            c.byzantineData,
            c.validation),
        new TrainingConfig(
            c.arch,
            c.epochs,
            c.optimizer,
            c.lr == null ? Double.NaN : c.lr,
            c.momentum == null ? Double.NaN : c.momentum,
            c.lrScaling,
            c.init,
            c.weightDecay,
            milestones(c.lrMilestones),
            c.lrDecay,
            c.workerMomentum,
            c.workerMomentumUpdate),
        new FaultConfig(faultyWorkers, c.fault, overrides, c.faultProb, c.faultStart),
        new DefenseConfig(
            c.defense,
            c.pre == null ? "" : c.pre,
            c.tolerate == null ? -1 : c.tolerate,
            c.detect,
            c.aggregateOn,
            rootSamples(c.rootSamples)),
        // As the prototype's: collecting the replica pairs turns correction on.
        new CorrectionConfig(
            c.correct || c.dataCollPath != null,
            c.correctModel,
            c.correctEvery,
            c.correctWeight,
            c.replicaSteps,
            c.dataCollPath));
  }

  /** {@code --root-samples}: null gives 0 (none); given, it must be positive. */
  static int rootSamples(Integer n) {
    if (n != null && n <= 0) {
      throw new UserError(
          "--root-samples " + n + ": must be a positive number of samples (omit it for none)");
    }
    return n == null ? 0 : n;
  }

  /** {@code 200,400} as a list; null or blank: none. */
  static List<Integer> milestones(String text) {
    List<Integer> out = new ArrayList<>();
    if (text == null || text.isBlank()) {
      return out;
    }
    for (String part : text.split(",", -1)) {
      try {
        out.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException e) {
        throw new UserError(
            "--lr-milestones " + text + ": expected comma-separated steps, e.g. 200,400");
      }
    }
    return out;
  }

  private static int parseInt(String flag, String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new UserError(flag + " " + value + ": not a worker index");
    }
  }
}
