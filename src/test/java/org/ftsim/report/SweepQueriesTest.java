package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.ftsim.config.CorrectionConfig;
import org.ftsim.config.DataConfig;
import org.ftsim.config.DefenseConfig;
import org.ftsim.config.FaultConfig;
import org.ftsim.config.RunConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.config.TrainingConfig;
import org.ftsim.driver.Simulation;
import org.ftsim.results.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sweep queries on a generated sweep whose answers are computed here by brute force: 2 rules ×
 * f ∈ {0, 2} × 2 partitions × 2 attacks (f > 0) × 2 seeds, evaluation curves that peak before their
 * end, one more setting (another lr) and a failed run that must be left out; then the report page
 * shows the three summaries.
 */
class SweepQueriesTest {

  @TempDir static Path dir;

  static final String[] RULES = {"mean", "median"};
  static final String[] PARTITIONS = {"dirichlet:0.5", "iid"};
  static final String[] ATTACKS = {"alie", "signflip"};

  /** Each finished run's evaluations (step 1..6), by run id; and its facts. */
  static final Map<String, double[]> CURVES = new HashMap<>();

  static final Map<String, Object[]> FACTS = new HashMap<>();

  /** Evaluation i (from 1) of a run with base b: up by 0.01 to step 4, then down by 0.02. */
  static double metric(double base, int step) {
    return step <= 4 ? base + 0.01 * step : base + 0.04 - 0.02 * (step - 4);
  }

  @BeforeAll
  static void generate() {
    SparkSession spark = SparkTestSession.get();
    List<Row> runs = new ArrayList<>();
    List<Row> evals = new ArrayList<>();
    int n = 0;
    for (String rule : RULES) {
      for (int f : new int[] {0, 2}) {
        for (String partition : PARTITIONS) {
          for (String attack : f == 0 ? new String[] {"signflip"} : ATTACKS) {
            for (long seed = 1; seed <= 2; seed++) {
              double base =
                  0.5
                      + (rule.equals("median") ? 0.1 : 0)
                      - 0.05 * f
                      + (partition.equals("iid") ? 0.1 : 0)
                      - (f > 0 && attack.equals("alie") ? 0.03 * (rule.equals("mean") ? 2 : 1) : 0)
                      + 0.013 * seed * seed;
              add(runs, evals, "r" + n++, rule, f, partition, attack, seed, 0.1, base, "finished");
            }
          }
        }
      }
    }
    add(runs, evals, "other-lr", "mean", 0, "iid", "signflip", 1, 0.5, 0.2, "finished");
    add(runs, evals, "failed", "mean", 0, "iid", "signflip", 3, 0.1, 0.9, "failed");
    spark
        .createDataFrame(runs, Tables.RUNS)
        .write()
        .partitionBy("run_id")
        .parquet(dir.resolve("runs").toString());
    spark
        .createDataFrame(evals, Tables.EVALS)
        .write()
        .partitionBy("run_id")
        .parquet(dir.resolve("evals").toString());
  }

  static void add(
      List<Row> runs,
      List<Row> evals,
      String id,
      String rule,
      int f,
      String partition,
      String attack,
      long seed,
      double lr,
      double base,
      String status) {
    List<Integer> faulty = new ArrayList<>();
    for (int i = 0; i < f; i++) {
      faulty.add(i);
    }
    SimulationConfig c =
        new SimulationConfig(
            new RunConfig(id, dir.toString(), "data", null, 0, "cpu", seed, 0, 0, 1, 0),
            new DataConfig("mnist", 10 + f, 250, partition, 0),
            TrainingConfig.defaults().withResolved("mlp", "sgd", lr, 0.9),
            new FaultConfig(faulty, attack, Map.of(), 1, 1),
            new DefenseConfig(rule, "", f, null),
            CorrectionConfig.off());
    double[] curve = new double[6];
    for (int s = 1; s <= 6; s++) {
      curve[s - 1] = metric(base, s);
      evals.add(RowFactory.create(id, 1, s * 10, "accuracy", curve[s - 1], 1.0, 1.0));
    }
    // A --validation row after the last test evaluation: the table must not count it.
    evals.add(RowFactory.create(id, 1, 70, "val_accuracy", 0.0, 1.0, 1.0));
    if (status.equals("finished")) {
      CURVES.put(id, curve);
      FACTS.put(id, new Object[] {rule, f, partition, f == 0 ? "none" : attack, seed, lr});
    }
    runs.add(
        RowFactory.create(
            id,
            new Timestamp(0),
            new Timestamp(1000),
            status,
            "dev",
            Simulation.json(c),
            "mnist",
            "mlp",
            10 + f,
            faulty.toArray(new Integer[0]),
            attack,
            rule,
            false,
            seed,
            250,
            1,
            lr,
            curve[5],
            1.0,
            60,
            null));
  }

  static List<Row> rows(String query) throws IOException {
    return QueriesTest.rows(dir, query);
  }

  /** The finished runs of lr 0.1 matching (rule, f, partition, attack or null for any). */
  static List<String> runs(String rule, int f, String partition, String attack) {
    List<String> ids = new ArrayList<>();
    FACTS.forEach(
        (id, x) -> {
          if (x[0].equals(rule)
              && x[1].equals(f)
              && x[2].equals(partition)
              && (attack == null || x[3].equals(attack))
              && x[5].equals(0.1)) {
            ids.add(id);
          }
        });
    return ids;
  }

  static double best(String id) {
    double best = Double.NEGATIVE_INFINITY;
    for (double v : CURVES.get(id)) {
      best = Math.max(best, v);
    }
    return best;
  }

  static double last5(String id) {
    double[] c = CURVES.get(id);
    double sum = 0;
    for (int i = c.length - 5; i < c.length; i++) {
      sum += c[i];
    }
    return sum / 5;
  }

  @Test
  void heatmapCellsAreTheWorstAttackOfTheSeedMeanBest() throws IOException {
    List<Row> cells = rows("sweep_heatmap.sql");
    // 2 rules × 2 f × 2 partitions for lr 0.1, and one cell for lr 0.5
    assertEquals(9, cells.size());
    int checked = 0;
    for (Row r : cells) {
      String rule = r.getAs("rule_chain");
      int f = r.<Integer>getAs("faulty_workers");
      String partition = r.getAs("heterogeneity");
      if (r.<String>getAs("example_run").equals("other-lr")) {
        assertEquals(best("other-lr"), r.<Double>getAs("worst_accuracy"), 1e-12);
        continue;
      }
      double worst = Double.POSITIVE_INFINITY;
      String worstAttack = null;
      for (String attack : f == 0 ? new String[] {"none"} : ATTACKS) {
        List<String> ids = runs(rule, f, partition, attack);
        assertEquals(2, ids.size());
        double mean = ids.stream().mapToDouble(SweepQueriesTest::best).average().orElseThrow();
        if (mean < worst) {
          worst = mean;
          worstAttack = attack;
        }
      }
      assertEquals(worst, r.<Double>getAs("worst_accuracy"), 1e-12, rule + f + partition);
      assertEquals(worstAttack, r.getAs("worst_attack"));
      assertEquals(f == 0 ? 1L : 2L, r.<Long>getAs("attacks"));
      assertEquals(2L, r.<Long>getAs("seeds"));
      assertEquals(10, r.<Integer>getAs("honest_workers"));
      checked++;
    }
    assertEquals(8, checked);
  }

  @Test
  void tableRowsAreMeanAndSampleStdOverSeedsOfTheLastFiveEvaluations() throws IOException {
    List<Row> table = rows("sweep_table.sql");
    // lr 0.1: per rule, f=0: 2 partitions; f=2: 2 partitions × 2 attacks → 6; ×2 rules; + other-lr
    assertEquals(13, table.size());
    int checked = 0;
    for (Row r : table) {
      if (r.<String>getAs("example_run").equals("other-lr")) {
        assertEquals(1L, r.<Long>getAs("seeds"));
        assertEquals(last5("other-lr"), r.<Double>getAs("mean"), 1e-12);
        assertNull(r.getAs("std"));
        continue;
      }
      List<String> ids =
          runs(
              r.getAs("rule_chain"),
              r.<Integer>getAs("faulty_workers"),
              r.getAs("heterogeneity"),
              r.getAs("attack"));
      assertEquals(2, ids.size());
      double a = last5(ids.get(0));
      double b = last5(ids.get(1));
      assertEquals((a + b) / 2, r.<Double>getAs("mean"), 1e-12);
      // sample std of two values: |a − b| / √2
      assertEquals(Math.abs(a - b) / Math.sqrt(2), r.<Double>getAs("std"), 1e-12);
      assertEquals(2L, r.<Long>getAs("seeds"));
      checked++;
    }
    assertEquals(12, checked);
  }

  @Test
  void curvesAreTheSeedMeanWithA95PercentBand() throws IOException {
    List<Row> curves = rows("sweep_curves.sql");
    assertEquals(13 * 6, curves.size());
    for (Row r : curves) {
      String example = r.getAs("example_run");
      if (example.equals("other-lr")) {
        assertEquals(r.<Double>getAs("mean"), r.<Double>getAs("lower"), 0);
        continue;
      }
      Object[] x = FACTS.get(example);
      List<String> ids = runs((String) x[0], (Integer) x[1], (String) x[2], (String) x[3]);
      int i = r.<Integer>getAs("step") / 10 - 1;
      double a = CURVES.get(ids.get(0))[i];
      double b = CURVES.get(ids.get(1))[i];
      double half = 1.96 * (Math.abs(a - b) / Math.sqrt(2)) / Math.sqrt(2);
      assertEquals((a + b) / 2, r.<Double>getAs("mean"), 1e-12);
      assertEquals((a + b) / 2 - half, r.<Double>getAs("lower"), 1e-12);
      assertEquals((a + b) / 2 + half, r.<Double>getAs("upper"), 1e-12);
    }
  }

  @Test
  void theReportShowsTheHeatmapsTableAndCurves() throws IOException {
    Path page = dir.resolve("page.html");
    Report.write(SparkTestSession.get(), dir.toString(), List.of(), null, page);
    String html = Files.readString(page);
    // one heatmap per (setting, rule chain): mean and median at lr 0.1, mean at lr 0.5
    assertEquals(3, html.split("id=\"chart-heatmap-").length - 1);
    assertTrue(html.contains("<section id=\"sweep-table\">"));
    assertTrue(html.contains("<figure id=\"chart-sweep-curves-accuracy\">"));
    double a = last5(runs("median", 2, "iid", "alie").get(0));
    double b = last5(runs("median", 2, "iid", "alie").get(1));
    String cell =
        String.format(
            java.util.Locale.ROOT,
            "%.2f ± %.2f %%",
            (a + b) / 2 * 100,
            Math.abs(a - b) / Math.sqrt(2) * 100);
    assertTrue(html.contains("<td class=\"num\">" + cell + "</td>"), cell);
  }
}
