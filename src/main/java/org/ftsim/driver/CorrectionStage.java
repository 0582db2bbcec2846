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
import org.ftsim.results.Rows;
import org.ftsim.results.Rows.CorrectionRow;

/**
 * The correction stage of the step pipeline (SPEC §7): in a replica phase each faulty worker
 * computes a healthy worker's sub-batch, and its (corrupted, true) pair is kept; after the phase's
 * last step one regression per faulty worker is fitted; in a corrected phase each faulty report is
 * replaced by weight × its model's prediction. Owns its state ({@link CorrectionState}).
 *
 * <p>Who is corrected: the faulty workers of {@code -f} (the oracle), or, with {@code -df detect},
 * the detector's suspects. Then the workers flagged at some earlier step compute a replica (a
 * worker never flagged, drawn as {@link ReplicaPlan} draws), each pair's truth is what the copied
 * worker reported (all the driver sees), and a report is corrected when its worker is flagged at
 * the step and has a model.
 */
final class CorrectionStage {

  private final CorrectionConfig config;
  private final CorrectionSchedule schedule;
  private final ReplicaPlan replicas;
  private final long seed;
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
      long seed,
      Corrector corrector,
      SparkSession spark) {
    this.config = config;
    this.schedule = schedule;
    this.replicas = replicas;
    this.seed = seed;
    this.corrector = corrector;
    this.spark = spark;
  }

  /** The phase of global step {@code step}. */
  Phase phase(long step) {
    return schedule.phase(step);
  }

  /**
   * In a replica step, whose sub-batch each worker computes: each faulty worker of {@code -f} a
   * healthy one's ({@code suspects} null), or each suspect a non-suspect's (every worker its own
   * when there is no suspect, or nobody else).
   */
  int[] batchOwners(long step, int[] suspects) {
    if (suspects == null) {
      return replicas.batchOwners(step);
    }
    int n = replicas.batchOwners(step).length;
    if (suspects.length == 0 || suspects.length >= n) {
      return java.util.stream.IntStream.range(0, n).toArray();
    }
    return new ReplicaPlan(n, suspects, seed).batchOwners(step);
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
   * A replica step: keeps the pair (report, copied worker's report) of each worker that computed
   * another's sub-batch and, after the phase's last step, fits the models (or writes the pairs).
   * Returns the console lines.
   */
  List<String> replica(int step, float[][] reported, int[] owners) {
    for (int w = 0; w < reported.length; w++) {
      float[] truth = reported[owners[w]];
      if (owners[w] != w && reported[w] != null && truth != null) {
        replicaFaulty.computeIfAbsent(w, k -> new ArrayList<>()).add(reported[w]);
        replicaTrue.computeIfAbsent(w, k -> new ArrayList<>()).add(truth);
        if (config.collects()) {
          collected.add(new ReplicaData.Record(w, step, reported[w], truth));
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
   * A corrected step: replaces the report of each worker of {@code targets} that has a model by its
   * correction, in place, and marks it in {@code corrected} with its true error against {@code
   * truth} (the worker's honest gradient on its own batch). Returns the corrections rows.
   */
  List<CorrectionRow> correct(
      String runId,
      boolean[] targets,
      int step,
      float[][] truth,
      float[][] reported,
      boolean[] corrected,
      double[] error) {
    IntStream.range(0, truth.length)
        .parallel()
        .filter(w -> targets[w] && reported[w] != null && corrector.hasModel(w))
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
