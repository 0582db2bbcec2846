package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.CorrectionConfig;
import org.ftsim.correction.CorrectionSchedule;
import org.ftsim.correction.CorrectionState;
import org.ftsim.correction.Corrector;
import org.ftsim.correction.Fit;
import org.ftsim.correction.Phase;
import org.ftsim.correction.ReplicaData;
import org.ftsim.correction.ReplicaPlan;
import org.ftsim.fault.FaultPlan;
import org.ftsim.results.Rows;
import org.ftsim.results.Rows.CorrectionRow;

/**
 * The correction stage of the step pipeline (SPEC §7): in a replica phase each faulty worker
 * computes a healthy worker's sub-batch, and its (corrupted, true) pair is kept; after the phase's
 * last step one regression per faulty worker is fitted; in a corrected phase each faulty report is
 * replaced by weight × its model's prediction. Owns its state ({@link CorrectionState}).
 */
final class CorrectionStage {

  private final CorrectionConfig config;
  private final CorrectionSchedule schedule;
  private final ReplicaPlan replicas;
  private final Corrector corrector;
  private final SparkSession spark;
  private final Map<Integer, List<float[]>> replicaFaulty = new TreeMap<>();
  private final Map<Integer, List<float[]>> replicaTrue = new TreeMap<>();
  private final Map<Integer, Integer> fitStep = new TreeMap<>();

  /** With {@code --data_coll_path}: the first replica phase's pairs; the run ends once written. */
  private final List<ReplicaData.Record> collected = new ArrayList<>();

  private boolean collectionDone;
  private long correctedCount;
  private double trueErrorSum;
  private long trueErrorCount;

  CorrectionStage(
      CorrectionConfig config,
      CorrectionSchedule schedule,
      ReplicaPlan replicas,
      Corrector corrector,
      SparkSession spark) {
    this.config = config;
    this.schedule = schedule;
    this.replicas = replicas;
    this.corrector = corrector;
    this.spark = spark;
  }

  /** The phase of global step {@code step}. */
  Phase phase(long step) {
    return schedule.phase(step);
  }

  /** In a replica step, whose sub-batch each worker computes. */
  int[] batchOwners(long step) {
    return replicas.batchOwners(step);
  }

  /** Whether a {@code --data_coll_path} run has written its pairs and is to end. */
  boolean collectionDone() {
    return collectionDone;
  }

  /** Whether this run only collects replica pairs (no closing summary). */
  boolean collects() {
    return config.collects();
  }

  /**
   * A replica step: keeps each faulty worker's (report, owner's true gradient) pair and, after the
   * phase's last step, fits the models (or writes the pairs). Returns the console lines.
   */
  List<String> replica(
      FaultPlan faults, int step, float[][] honest, float[][] reported, int[] owners) {
    for (int w = 0; w < honest.length; w++) {
      if (faults.isFaulty(w) && reported[w] != null) {
        replicaFaulty.computeIfAbsent(w, k -> new ArrayList<>()).add(reported[w]);
        replicaTrue.computeIfAbsent(w, k -> new ArrayList<>()).add(honest[owners[w]]);
        if (config.collects()) {
          collected.add(new ReplicaData.Record(w, step, reported[w], honest[owners[w]]));
        }
      }
    }
    if (!schedule.fitsAfter(step)) {
      return List.of();
    }
    List<String> lines = new ArrayList<>();
    if (config.collects()) {
      long rows = ReplicaData.write(spark, config.collectPath(), collected);
      lines.add(Console.collected(collected.size(), rows, replicaFaulty.keySet(), config));
      collectionDone = true;
      return lines;
    }
    lines.add(Corrector.TRAINING_LINE);
    for (Map.Entry<Integer, List<float[]>> e : replicaFaulty.entrySet()) {
      int w = e.getKey();
      if (!corrector.hasModel(w)) {
        lines.add(Corrector.initLine(w));
      }
      Fit fit = corrector.fit(w, e.getValue(), replicaTrue.get(w));
      fitStep.put(w, step);
      lines.add(fit.lossLine());
    }
    replicaFaulty.clear();
    replicaTrue.clear();
    return lines;
  }

  /**
   * A corrected step: replaces each faulty worker's report by its correction, in place, and marks
   * it in {@code corrected} with its true error against {@code truth} (the worker's honest gradient
   * on its own batch). Returns the corrections rows.
   */
  List<CorrectionRow> correct(
      String runId,
      FaultPlan faults,
      int step,
      float[][] truth,
      float[][] reported,
      boolean[] corrected,
      double[] error) {
    IntStream.range(0, truth.length)
        .parallel()
        .filter(w -> faults.isFaulty(w) && reported[w] != null && corrector.hasModel(w))
        .forEach(
            w -> {
              reported[w] = corrector.correct(w, reported[w]);
              corrected[w] = true;
              error[w] = Corrector.trueError(reported[w], truth[w]);
            });
    List<CorrectionRow> rows = new ArrayList<>();
    for (int w = 0; w < truth.length; w++) {
      if (corrected[w]) {
        correctedCount++;
        if (Double.isFinite(error[w])) {
          trueErrorSum += error[w];
          trueErrorCount++;
        }
        Fit fit = corrector.lastFit(w).orElseThrow();
        rows.add(
            new CorrectionRow(
                runId,
                step,
                w,
                fit.regressor(),
                fitStep.get(w),
                Rows.finiteOrNull(fit.mse()),
                Rows.finiteOrNull(fit.mape()),
                Rows.finiteOrNull(error[w]),
                fit.fitMs()));
      }
    }
    return rows;
  }

  /** A copy of the state carried from step to step. */
  CorrectionState state() {
    return new CorrectionState(
        corrector.fits(),
        fitStep,
        replicaFaulty,
        replicaTrue,
        correctedCount,
        trueErrorSum,
        trueErrorCount);
  }

  /** Continues from {@code saved}, a {@link #state()} of a run of this configuration. */
  void restore(CorrectionState saved) {
    saved.fits().values().forEach(corrector::restore);
    fitStep.putAll(saved.fitSteps());
    saved.pendingFaulty().forEach((w, rows) -> replicaFaulty.put(w, new ArrayList<>(rows)));
    saved.pendingTrue().forEach((w, rows) -> replicaTrue.put(w, new ArrayList<>(rows)));
    correctedCount = saved.corrected();
    trueErrorSum = saved.trueErrorSum();
    trueErrorCount = saved.trueErrorCount();
  }
}
