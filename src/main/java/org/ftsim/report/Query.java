package org.ftsim.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark SQL queries of {@code notebooks/queries/}, shared by the report and the notebooks. Each
 * is plain SQL over temporary views named like the result tables ({@code runs}, {@code steps},
 * {@code evals}, {@code workers}, {@code shards}, {@code corrections}, {@code detections}); the
 * build copies the files onto the classpath under {@code /queries/}.
 */
public enum Query {
  /** One row per run: settings, length, final metric, wall time. */
  RUNS("runs.sql"),
  /** The test metric at every evaluation. */
  METRIC_CURVES("metric_curves.sql"),
  /** Train loss against step, at most 200 points per run. */
  TRAIN_LOSS("train_loss.sql"),
  /** Honest and faulty gradient-norm percentiles against step, at most 200 points per run. */
  WORKER_NORMS("worker_norms.sql"),
  /** k and phase at every step of the runs with correction. */
  CORRECTION_TIMELINE("correction_timeline.sql"),
  /** The corrections' true error against step, at most 200 points per run. */
  CORRECTION_ERROR("correction_error.sql"),
  /** A sweep's table: mean of the last 5 evaluations per run, then mean and std over seeds. */
  SWEEP_TABLE("sweep_table.sql"),
  /** A sweep's heatmap cells: worst case over attacks of the seed-mean best accuracy. */
  SWEEP_HEATMAP("sweep_heatmap.sql"),
  /** A sweep's test-metric curves: mean over seeds and a ±1.96·std/√seeds band per step. */
  SWEEP_CURVES("sweep_curves.sql"),
  /** One row per run with a detector: precision, recall, F1, delays, honest flags, cost. */
  DETECTIONS("detections.sql"),
  /**
   * One row per run: how well the defense's own verdicts (rule_suspicion, rule_score) separate
   * misbehaving worker-steps from the others: means and ROC AUC.
   */
  RULE_SCORES("rule_scores.sql");

  private final String file;

  Query(String file) {
    this.file = file;
  }

  /** The file name in {@code notebooks/queries/}. */
  public String file() {
    return file;
  }

  /** The query text, read from the classpath. */
  public String sql() {
    try (InputStream in = Query.class.getResourceAsStream("/queries/" + file)) {
      if (in == null) {
        throw new IllegalStateException("/queries/" + file + " is not on the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs the query over the views registered in {@code spark}. */
  public Dataset<Row> run(SparkSession spark) {
    return spark.sql(sql());
  }
}
