package org.ftsim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.DatasetDescriptor;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.TrainTest;
import org.ftsim.driver.Components;
import org.ftsim.driver.RunData;
import org.ftsim.driver.Simulation;
import org.ftsim.tensorboard.RunEvents;

/**
 * One run of a checked configuration, as {@code ftsim train} and each run of {@code ftsim sweep}
 * execute it: its data, its simulation (resumed from a checkpoint or not), and its closing lines.
 */
final class TrainRun {

  private TrainRun() {}

  /**
   * The dataset of {@code config}, read from its data directory.
   *
   * @throws ConfigException when its files are missing (saying how to get them)
   * @throws org.ftsim.data.DataException when they cannot be read
   */
  static TrainTest load(SimulationConfig config) {
    return RunData.prepare(config, loadRaw(config));
  }

  /** The dataset's files as stored, before the run's normalisation and validation hold-out. */
  static TrainTest loadRaw(SimulationConfig config) {
    Path dataDir = Path.of(config.run().dataDir());
    DatasetDescriptor dataset = DatasetRegistry.get(config.data().dataset());
    String missing = dataset.missingFiles(dataDir);
    if (missing != null) {
      throw new ConfigException("--data-dir", config.run().dataDir(), missing);
    }
    return dataset.load(dataDir);
  }

  /**
   * Runs {@code config} (checked, with its run id) on {@code spark}, from {@code checkpoint} when
   * not null, printing its console to {@code out}.
   *
   * @throws org.ftsim.driver.RunFailure when the run could not go on (its runs row says failed)
   */
  static Simulation.Summary simulate(
      SimulationConfig config,
      TrainTest data,
      Components parts,
      Checkpoint checkpoint,
      boolean tensorboard,
      SparkSession spark,
      PrintStream out) {
    if (checkpoint != null) {
      out.printf(Locale.ROOT, "resuming %s from step %d%n", config.runId(), checkpoint.step());
    }
    Simulation simulation = new Simulation(config, data, parts, spark, out).resumeFrom(checkpoint);
    if (tensorboard) {
      simulation.listen(RunEvents.open(config.run().resultsDir(), config.runId()));
    }
    Simulation.Summary summary = simulation.run();
    out.printf(Locale.ROOT, "results: %s (run_id=%s)%n", summary.resultsDir(), summary.runId());
    if (tensorboard) {
      out.printf(
          Locale.ROOT,
          "tensorboard: %s (tensorboard --logdir %s)%n",
          RunEvents.folder(summary.resultsDir(), summary.runId()),
          RunEvents.folder(summary.resultsDir(), "").replaceAll("/$", ""));
    }
    return summary;
  }
}
