package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.results.Tables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real command on synthetic data and checks what lands on disk and on the console. */
class EndToEndTest {

  @TempDir static Path dir;
  static SparkSession spark;
  static String console;

  static String run(String... args) {
    return CommandRuns.ftsim(List.of(args));
  }

  @BeforeAll
  static void train() {
    spark = SparkTestSession.get();
    // synthetic: 2048 training samples, gb 256 → 8 steps an epoch, 2 epochs
    console =
        run(
            "train",
            "-d",
            "synthetic",
            "-w",
            "6",
            "-f",
            "0",
            "4",
            "-gb",
            "256",
            "-e",
            "2",
            "--run-id",
            "e2e",
            "-tb",
            dir.resolve("runs").toString(),
            "--proc",
            "2");
  }

  Dataset<Row> table(String name) {
    return spark.read().parquet(dir.resolve("runs").resolve(name).toString());
  }

  @Test
  void consoleHasThePrototypeLines() {
    assertTrue(console.contains("device: cpu, workers: 6"), console);
    assertTrue(console.contains("EP: 1/2, sub-batch: 1/8, avg sub-batch loss: "), console);
    assertTrue(console.contains("validation accuracy: "), console);
    assertTrue(console.contains("Epoch: 2 done, avg loss: "), console);
    assertTrue(console.strip().endsWith("(run_id=e2e)"), console);
  }

  @Test
  void tablesHaveTheSpecSchemaPartitionedByRun() {
    for (var entry :
        List.of(
            List.of("runs", Tables.RUNS),
            List.of("steps", Tables.STEPS),
            List.of("evals", Tables.EVALS),
            List.of("workers", Tables.WORKERS))) {
      Dataset<Row> t = table((String) entry.get(0));
      var expected =
          Arrays.stream(((org.apache.spark.sql.types.StructType) entry.get(1)).fieldNames())
              .filter(f -> !f.equals("run_id"))
              .collect(Collectors.toList());
      var actual = Arrays.stream(t.schema().fieldNames()).collect(Collectors.toList());
      assertTrue(actual.containsAll(expected), entry.get(0) + ": " + actual);
      assertEquals("run_id", actual.get(actual.size() - 1), "partition column");
    }
  }

  @Test
  void stepsRecordEveryStepWithKAndTheDropDefault() {
    List<Row> steps = table("steps").orderBy("step").collectAsList();
    assertEquals(16, steps.size());
    for (int i = 0; i < steps.size(); i++) {
      Row r = steps.get(i);
      assertEquals(i + 1, r.<Integer>getAs("step"));
      assertEquals(i < 8 ? 1 : 2, r.<Integer>getAs("epoch"));
      assertEquals(4, r.<Integer>getAs("k"), "drop keeps the 4 honest workers");
      assertEquals(0.001 * Math.sqrt(4), r.<Double>getAs("lr"), 1e-12);
      assertEquals("normal", r.getAs("phase"));
      assertTrue(r.<Double>getAs("step_ms") >= r.<Double>getAs("grad_ms"));
    }
    double first = steps.get(0).getAs("train_loss");
    double last = steps.get(15).getAs("train_loss");
    assertTrue(last < first, "training lowers the loss: " + first + " → " + last);
  }

  @Test
  void workersRecordTruthUseAndTheScaledGradient() {
    List<Row> rows = table("workers").where("step = 3").orderBy("worker").collectAsList();
    assertEquals(6, rows.size());
    double honestNorm = rows.get(1).getAs("grad_norm");
    for (Row r : rows) {
      int w = r.getAs("worker");
      boolean faulty = w == 0 || w == 4;
      assertEquals(faulty, r.<Boolean>getAs("faulty"));
      assertEquals(!faulty, r.<Boolean>getAs("used"));
      assertEquals(faulty ? "scale:10" : null, r.getAs("fault"));
      assertEquals(256 / 6 + (w < 256 % 6 ? 1 : 0), r.<Integer>getAs("batch"));
      double cos = r.getAs("cos_to_honest_mean");
      assertTrue(cos > 0 && cos <= 1 + 1e-9, "scaling keeps the direction: " + cos);
      assertFalse(r.<Boolean>getAs("corrected"));
      assertNull(r.getAs("correction_error"));
    }
    double faultyNorm = rows.get(0).getAs("grad_norm");
    assertTrue(faultyNorm > 3 * honestNorm, "scale:10 shows in the norm");
  }

  @Test
  void evalsAtHalfAndFullEpochsAndARunsRow() {
    List<Row> evals = table("evals").orderBy("step").collectAsList();
    assertEquals(List.of(4, 8, 12, 16), evals.stream().map(r -> r.<Integer>getAs("step")).toList());
    for (Row r : evals) {
      assertEquals("accuracy", r.getAs("metric_name"));
      double m = r.getAs("metric");
      assertTrue(m >= 0 && m <= 1);
    }
    Row run = table("runs").first();
    assertEquals("e2e", run.getAs("run_id"));
    assertEquals("finished", run.getAs("status"));
    assertEquals(evals.get(3).<Double>getAs("metric"), run.<Double>getAs("final_metric"));
    assertEquals(List.of(0, 4), run.getList(run.fieldIndex("faulty")));
    assertEquals("drop", run.getAs("defense"));
    assertTrue(run.<String>getAs("config_json").contains("\"workers\":6"));
    assertTrue(run.<Double>getAs("final_metric") > 0.9, "the synthetic clusters are separable");
  }
}
