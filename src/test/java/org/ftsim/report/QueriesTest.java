package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every file of {@code notebooks/queries/} with Spark SQL, as the notebooks and the report do,
 * on the output of two real runs ({@link TwoRuns}) and on generated long runs, and checks the rows.
 */
class QueriesTest {

  static final Path QUERIES = Path.of("notebooks", "queries");

  /** The columns each query returns, in order. */
  static final Map<String, List<String>> COLUMNS =
      Map.ofEntries(
          Map.entry(
              "runs.sql",
              List.of(
                  "run_id",
                  "status",
                  "dataset",
                  "arch",
                  "workers",
                  "faulty_workers",
                  "fault",
                  "defense",
                  "correct",
                  "seed",
                  "steps",
                  "metric_name",
                  "final_metric",
                  "wall_s",
                  "config_json")),
          Map.entry(
              "metric_curves.sql", List.of("run_id", "step", "metric_name", "metric", "test_loss")),
          Map.entry("train_loss.sql", List.of("run_id", "step", "train_loss")),
          Map.entry(
              "worker_norms.sql",
              List.of(
                  "run_id",
                  "step",
                  "workers",
                  "p10",
                  "p50",
                  "p90",
                  "mean",
                  "finite_reports",
                  "other_reports")),
          Map.entry("correction_timeline.sql", List.of("run_id", "step", "k", "phase")),
          Map.entry(
              "correction_error.sql",
              List.of("run_id", "step", "mean_error", "min_error", "max_error", "corrected")),
          Map.entry(
              "sweep_table.sql",
              List.of(
                  "setting",
                  "rule_chain",
                  "faulty_workers",
                  "attack",
                  "heterogeneity",
                  "metric_name",
                  "example_run",
                  "seeds",
                  "mean",
                  "std")),
          Map.entry(
              "sweep_heatmap.sql",
              List.of(
                  "setting",
                  "rule_chain",
                  "honest_workers",
                  "faulty_workers",
                  "heterogeneity",
                  "worst_accuracy",
                  "worst_attack",
                  "example_run",
                  "attacks",
                  "seeds")),
          Map.entry(
              "sweep_curves.sql",
              List.of(
                  "setting",
                  "rule_chain",
                  "metric_name",
                  "step",
                  "example_run",
                  "seeds",
                  "mean",
                  "std",
                  "lower",
                  "upper")),
          Map.entry(
              "detections.sql",
              List.of(
                  "run_id",
                  "detector",
                  "defense",
                  "fault",
                  "steps",
                  "precision",
                  "recall",
                  "f1",
                  "true_flags",
                  "false_flags",
                  "missed",
                  "honest_flags",
                  "faulty_workers",
                  "delays",
                  "detected",
                  "mean_delay",
                  "extra_gradients",
                  "final_metric")),
          Map.entry(
              "rule_scores.sql",
              List.of(
                  "run_id",
                  "defense",
                  "fault",
                  "worker_steps",
                  "misbehaving",
                  "suspicion_misbehaving",
                  "suspicion_behaving",
                  "suspicion_auc",
                  "score_misbehaving",
                  "score_behaving",
                  "score_auc",
                  "final_metric")));

  @TempDir static Path generated;

  static Stream<String> files() throws IOException {
    try (Stream<Path> files = Files.list(QUERIES)) {
      return files
          .map(p -> p.getFileName().toString())
          .filter(f -> f.endsWith(".sql"))
          .sorted()
          .toList()
          .stream();
    }
  }

  /** The rows of the query file {@code name} over the views of {@code dir}. */
  static List<Row> rows(Path dir, String name) throws IOException {
    SparkSession spark = SparkTestSession.get();
    ResultTables.register(spark, dir.toString(), List.of());
    return spark.sql(Files.readString(QUERIES.resolve(name))).collectAsList();
  }

  @Test
  void theReportRunsEveryQueryFileAsItIs() throws IOException {
    assertEquals(
        files().toList(), Arrays.stream(Query.values()).map(Query::file).sorted().toList());
    for (Query q : Query.values()) {
      assertEquals(Files.readString(QUERIES.resolve(q.file())), q.sql(), q.file());
    }
  }

  @ParameterizedTest
  @MethodSource("files")
  void everyQueryRunsOnRealOutputWithItsColumns(String file) throws IOException {
    SparkSession spark = SparkTestSession.get();
    ResultTables.register(spark, TwoRuns.dir().toString(), List.of());
    var result = spark.sql(Files.readString(QUERIES.resolve(file)));
    assertEquals(COLUMNS.get(file), List.of(result.columns()), file);
    assertFalse(result.isEmpty(), file);
  }

  @Test
  void runsHaveTheirLengthFinalMetricAndSettings() throws IOException {
    List<Row> runs = rows(TwoRuns.dir(), "runs.sql");
    List<Row> lastEvals =
        SparkTestSession.get()
            .sql(
                "SELECT run_id, max_by(metric, step) AS metric FROM evals GROUP BY run_id"
                    + " ORDER BY run_id")
            .collectAsList();
    assertEquals(
        List.of("corr", "drop"), runs.stream().map(r -> r.<String>getAs("run_id")).toList());
    for (int i = 0; i < 2; i++) {
      Row r = runs.get(i);
      assertEquals("finished", r.getAs("status"));
      assertEquals(TwoRuns.STEPS, r.<Integer>getAs("steps"));
      assertEquals(2, r.<Integer>getAs("faulty_workers"));
      assertEquals("accuracy", r.getAs("metric_name"));
      assertEquals(lastEvals.get(i).<Double>getAs("metric"), r.<Double>getAs("final_metric"));
      assertTrue(r.<Double>getAs("wall_s") > 0);
    }
    assertEquals(
        List.of(true, false), runs.stream().map(r -> r.<Boolean>getAs("correct")).toList());
    assertEquals(
        List.of("mean", "drop"), runs.stream().map(r -> r.<String>getAs("defense")).toList());
  }

  /**
   * rule_scores.sql on hand-made workers rows. Run gen-000: misbehaving worker-steps discarded 1.0
   * and 0.5, behaving ones 0.0, 0.5 and 0.25, and one crash (null, left out). Of the 2 × 3 pairs
   * the misbehaving step scores higher in 5 and ties in 1: AUC = 5.5 / 6; by average ranks (0.0: 1,
   * 0.25: 2, 0.5: 3.5, 1.0: 5), (5 + 3.5 − 3) / 6 alike. Rule scores: 10 (misbehaving) against 1
   * and 20: AUC 1/2. Run gen-001 has no misbehaving step: its AUCs are null.
   */
  @Test
  void ruleScoresSeparationIsTheHandComputedAuc(@TempDir Path dir) throws IOException {
    SparkSession spark = SparkTestSession.get();
    String tb = dir.resolve("runs").toString();
    GeneratedResults.write(spark, tb, 2, 100, 4);
    try (Stream<Path> generatedWorkers = Files.walk(dir.resolve("runs").resolve("workers"))) {
      generatedWorkers
          .sorted(java.util.Comparator.reverseOrder())
          .forEach(f -> f.toFile().delete());
    }
    List<Row> workers =
        List.of(
            worker("gen-000", 1, 0, "signflip", 1.0, 10.0),
            worker("gen-000", 1, 1, "signflip", 0.5, null),
            worker("gen-000", 1, 2, null, 0.0, 1.0),
            worker("gen-000", 2, 2, null, 0.5, 20.0),
            worker("gen-000", 2, 3, null, 0.25, null),
            worker("gen-000", 2, 0, "crash", null, null),
            worker("gen-001", 1, 0, null, 0.0, null),
            worker("gen-001", 1, 1, null, 1.0, null));
    spark
        .createDataFrame(workers, org.ftsim.results.Tables.WORKERS)
        .write()
        .partitionBy("run_id")
        .parquet(tb + "/workers");
    List<Row> r = rows(dir.resolve("runs"), "rule_scores.sql");
    assertEquals(2, r.size());
    Row a = r.get(0);
    assertEquals("gen-000", a.getAs("run_id"));
    assertEquals(5L, a.<Long>getAs("worker_steps"));
    assertEquals(2L, a.<Long>getAs("misbehaving"));
    assertEquals(0.75, a.<Double>getAs("suspicion_misbehaving"), 1e-15);
    assertEquals(0.25, a.<Double>getAs("suspicion_behaving"), 1e-15);
    assertEquals(5.5 / 6, a.<Double>getAs("suspicion_auc"), 1e-15);
    assertEquals(10.0, a.<Double>getAs("score_misbehaving"), 1e-15);
    assertEquals(10.5, a.<Double>getAs("score_behaving"), 1e-15);
    assertEquals(0.5, a.<Double>getAs("score_auc"), 1e-15);
    Row b = r.get(1);
    assertEquals(0L, b.<Long>getAs("misbehaving"));
    assertTrue(b.isNullAt(b.fieldIndex("suspicion_auc")));
    assertTrue(b.isNullAt(b.fieldIndex("score_auc")));
  }

  private static Row worker(
      String run, int step, int worker, String fault, Double discarded, Double score) {
    return new org.ftsim.results.Rows.WorkerRow(
            run,
            step,
            worker,
            32,
            worker,
            fault != null,
            fault,
            discarded != null && discarded < 1,
            discarded,
            score,
            1.0,
            2.3,
            0.5,
            false,
            null,
            null,
            null)
        .row();
  }

  @Test
  void detectionsAreTheDrop_runsScoreRecountedFromItsWorkers() throws IOException {
    List<Row> d = rows(TwoRuns.dir(), "detections.sql");
    assertEquals(1, d.size(), "only drop watches with a detector");
    Row r = d.get(0);
    assertEquals("drop", r.getAs("run_id"));
    assertEquals("zscore:threshold=3.5", r.getAs("detector"));
    assertEquals(TwoRuns.STEPS, r.<Integer>getAs("steps"));
    Row counts =
        SparkTestSession.get()
            .sql(
                "SELECT SUM(IF(flagged AND fault IS NOT NULL, 1, 0)) AS tp,"
                    + " SUM(IF(flagged AND fault IS NULL, 1, 0)) AS fp,"
                    + " SUM(IF(NOT flagged AND fault IS NOT NULL, 1, 0)) AS fn"
                    + " FROM workers WHERE run_id = 'drop'")
            .first();
    long tp = counts.getLong(0);
    long fp = counts.getLong(1);
    assertEquals(tp, r.<Long>getAs("true_flags"));
    assertEquals(fp, r.<Long>getAs("false_flags"));
    assertEquals(counts.getLong(2), r.<Long>getAs("missed"));
    assertEquals(tp / (double) (tp + fp), r.<Double>getAs("precision"), 1e-15);
    assertEquals(0L, r.<Long>getAs("extra_gradients"));
    assertEquals(List.of(0, 1), r.getList(r.fieldIndex("faulty_workers")));
  }

  @Test
  void metricCurvesAreTheEvaluations() throws IOException {
    List<Row> curves = rows(TwoRuns.dir(), "metric_curves.sql");
    List<Row> evals =
        SparkTestSession.get()
            .sql("SELECT run_id, step, metric FROM evals ORDER BY run_id, step")
            .collectAsList();
    assertEquals(evals.size(), curves.size());
    for (int i = 0; i < evals.size(); i++) {
      assertEquals(evals.get(i).get(0), curves.get(i).getAs("run_id"));
      assertEquals(evals.get(i).get(1), curves.get(i).getAs("step"));
      assertEquals(evals.get(i).get(2), curves.get(i).getAs("metric"));
    }
    assertEquals(4, curves.size(), "half and full epoch, two runs");
    assertEquals(TwoRuns.STEPS, curves.get(3).<Integer>getAs("step"));
  }

  @Test
  void shortRunsKeepEveryStepOfTheirLoss() throws IOException {
    List<Row> loss = rows(TwoRuns.dir(), "train_loss.sql");
    List<Row> steps =
        SparkTestSession.get()
            .sql("SELECT run_id, step, train_loss FROM steps ORDER BY run_id, step")
            .collectAsList();
    assertEquals(2 * TwoRuns.STEPS, loss.size());
    for (int i = 0; i < steps.size(); i++) {
      assertEquals(steps.get(i), loss.get(i));
    }
  }

  @Test
  void faultyNormsShowTheScaleFault() throws IOException {
    List<Row> norms = rows(TwoRuns.dir(), "worker_norms.sql");
    assertEquals(2 * 2 * TwoRuns.STEPS, norms.size(), "runs × kinds × steps");
    for (Row r : norms) {
      boolean faulty = r.getAs("workers").equals("faulty");
      assertEquals(faulty ? 2 : 4, r.<Long>getAs("finite_reports"));
      assertEquals(0, r.<Long>getAs("other_reports"));
      assertTrue(r.<Double>getAs("p10") <= r.<Double>getAs("p50"));
      assertTrue(r.<Double>getAs("p50") <= r.<Double>getAs("p90"));
    }
    for (int step = 1; step <= TwoRuns.STEPS; step++) {
      double honest = p50(norms, "drop", step, "honest");
      double faulty = p50(norms, "drop", step, "faulty");
      assertTrue(faulty > 3 * honest, "drop step " + step + ": " + faulty + " vs " + honest);
      // corr: a replica step records the scaled report, a corrected one the corrected gradient.
      honest = p50(norms, "corr", step, "honest");
      faulty = p50(norms, "corr", step, "faulty");
      boolean replica = step == 1 || step == 6 || step == 11;
      assertTrue(
          replica ? faulty > 3 * honest : faulty < 1.5 * honest,
          "corr step " + step + ": " + faulty + " vs " + honest);
    }
  }

  @Test
  void correctionTimelineAndErrorCoverTheCorrectedRunOnly() throws IOException {
    List<Row> timeline = rows(TwoRuns.dir(), "correction_timeline.sql");
    assertEquals(TwoRuns.STEPS, timeline.size());
    for (Row r : timeline) {
      int step = r.getAs("step");
      boolean replica = step == 1 || step == 6 || step == 11;
      assertEquals("corr", r.getAs("run_id"));
      assertEquals(replica ? "replica" : "corrected", r.getAs("phase"), "step " + step);
      assertEquals(replica ? 4 : 6, r.<Integer>getAs("k"), "step " + step);
    }
    List<Row> errors = rows(TwoRuns.dir(), "correction_error.sql");
    assertEquals(
        List.of(2, 3, 4, 5, 7, 8, 9, 10),
        errors.stream().map(r -> r.<Integer>getAs("step")).toList());
    for (Row r : errors) {
      assertEquals("corr", r.getAs("run_id"));
      assertEquals(2, r.<Long>getAs("corrected"));
      // scale:10 is exactly invertible: the true error is 1 − weight.
      assertEquals(0.05, r.<Double>getAs("mean_error"), 1e-3);
    }
  }

  @Test
  void longRunsAreReducedToTwoHundredPointsInSql() throws IOException {
    Path dir = generated.resolve("long");
    GeneratedResults.write(SparkTestSession.get(), dir.toString(), 1, 1000, 8);
    List<Row> loss = rows(dir, "train_loss.sql");
    double[] perStep =
        SparkTestSession.get()
            .sql("SELECT train_loss FROM steps ORDER BY step")
            .collectAsList()
            .stream()
            .mapToDouble(r -> r.getDouble(0))
            .toArray();
    assertEquals(200, loss.size());
    for (int b = 0; b < 200; b++) {
      assertEquals(5 * b + 5, loss.get(b).<Integer>getAs("step"));
      double mean = Arrays.stream(perStep, 5 * b, 5 * b + 5).average().orElseThrow();
      assertEquals(mean, loss.get(b).<Double>getAs("train_loss"), 1e-12);
    }

    List<Row> norms = rows(dir, "worker_norms.sql");
    assertEquals(400, norms.size(), "200 points × honest and faulty");
    for (Row r : norms) {
      boolean faulty = r.getAs("workers").equals("faulty");
      assertEquals(faulty ? 5 * 5 : 3 * 5, r.<Long>getAs("finite_reports"), "workers × 5 steps");
    }

    assertEquals(1000, rows(dir, "correction_timeline.sql").size(), "gen-000 is corrected");
    List<Row> errors = rows(dir, "correction_error.sql");
    assertEquals(200, errors.size());
    // Steps 1, 12, …, 991 are replica steps; the other 909 correct the 5 faulty workers.
    assertEquals(5 * 909, errors.stream().mapToLong(r -> r.<Long>getAs("corrected")).sum());
  }

  private static double p50(List<Row> norms, String run, int step, String kind) {
    return norms.stream()
        .filter(r -> r.getAs("run_id").equals(run) && r.<Integer>getAs("step") == step)
        .filter(r -> r.getAs("workers").equals(kind))
        .findFirst()
        .orElseThrow()
        .getAs("p50");
  }
}
