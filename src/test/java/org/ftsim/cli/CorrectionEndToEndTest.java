package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --correct through the real command: phases, k, the prototype's lines and the true error. */
class CorrectionEndToEndTest {

  @TempDir Path dir;

  @Test
  void scaleFaultIsCorrectedToTheWeightsError() {
    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "-d",
              "synthetic",
              "-w",
              "6",
              "-f",
              "0",
              "1",
              "--correct",
              "--correct-every",
              "4",
              "-gb",
              "192",
              "-e",
              "1",
              "--run-id",
              "corr",
              "-tb",
              dir.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, status);
    String console = out.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("[AGG] Init correction model for worker 0"), console);
    assertTrue(console.contains("[CORRECTION] Training ..."), console);
    assertTrue(console.contains("[CORRECTION] Training loss (MSE, MAPE): "), console);
    assertTrue(
        console.contains("correction: 16 corrected gradients, mean true error 0.0500;"), console);

    // 2048 / 192 → 11 steps: replica at 1, 6 and 11, corrected at 2–5 and 7–10.
    List<Row> steps =
        spark.read().parquet(dir.resolve("steps").toString()).orderBy("step").collectAsList();
    assertEquals(11, steps.size());
    for (Row r : steps) {
      int step = r.getAs("step");
      boolean replica = step == 1 || step == 6 || step == 11;
      assertEquals(replica ? "replica" : "corrected", r.getAs("phase"), "step " + step);
      assertEquals(replica ? 4 : 6, r.<Integer>getAs("k"), "step " + step);
    }
    List<Row> workers =
        spark
            .read()
            .parquet(dir.resolve("workers").toString())
            .where("step = 3")
            .orderBy("worker")
            .collectAsList();
    for (Row r : workers) {
      boolean faulty =
          r.getAs("worker") == Integer.valueOf(0) || r.getAs("worker") == Integer.valueOf(1);
      assertEquals(faulty, r.<Boolean>getAs("corrected"));
      assertTrue(r.<Boolean>getAs("used"));
      if (faulty) {
        // scale:10 is exactly invertible: the error of weight × prediction is 1 − weight.
        assertEquals(0.05, r.<Double>getAs("correction_error"), 1e-3);
      }
    }
    List<Row> corrections =
        spark.read().parquet(dir.resolve("corrections").toString()).collectAsList();
    assertEquals(16, corrections.size(), "2 workers × 8 corrected steps");
    for (Row r : corrections) {
      assertEquals("linear", r.getAs("model"));
      assertEquals(0.05, r.<Double>getAs("true_error"), 1e-3);
      int fit = r.getAs("fit_step");
      int step = r.getAs("step");
      assertEquals(step < 6 ? 1 : 6, fit);
    }
    Row run = spark.read().parquet(dir.resolve("runs").toString()).first();
    assertTrue(run.<Boolean>getAs("correct"));
    assertEquals("mean", run.getAs("defense"), "the default defense with --correct");
    assertFalse(Double.isNaN(run.<Double>getAs("final_metric")));
  }

  @Test
  void dataCollectionWritesTheFirstReplicaPhaseAndEnds() {
    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String pairs = dir.resolve("pairs").toString();
    int status =
        Main.run(
            new String[] {
              "-d",
              "synthetic",
              "-w",
              "6",
              "-f",
              "0",
              "4",
              "--replica-steps",
              "2",
              "-gb",
              "192",
              "-e",
              "1",
              "--run-id",
              "coll",
              "-tb",
              dir.toString(),
              "--data_coll_path",
              pairs
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, status);
    String console = out.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("[DATA] Wrote 4 replica pairs"), console);
    assertFalse(
        console.contains("[CORRECTION] Training ..."), "collection fits nothing: " + console);

    // The run ends after the two replica steps.
    List<Row> steps = spark.read().parquet(dir.resolve("steps").toString()).collectAsList();
    assertEquals(2, steps.size());
    assertTrue(steps.stream().allMatch(r -> r.getAs("phase").equals("replica")));
    // Each faulty worker computed a healthy worker's sub-batch; the others their own.
    for (Row w : spark.read().parquet(dir.resolve("workers").toString()).collectAsList()) {
      int worker = w.getAs("worker");
      int of = w.getAs("sub_batch_of");
      if (worker == 0 || worker == 4) {
        assertTrue(of != 0 && of != 4, "faulty worker " + worker + " copied " + of);
      } else {
        assertEquals(worker, of);
      }
    }

    org.apache.spark.sql.Dataset<Row> table = spark.read().parquet(pairs);
    assertEquals(
        List.of("worker", "step", "coordinate", "faulty", "true"), List.of(table.columns()));
    long d = table.where("worker = 0 AND step = 1").count();
    assertTrue(d > 100, "a synthetic MLP has more parameters than " + d);
    assertEquals(2 * 2 * d, table.count(), "2 faulty workers × 2 steps × d coordinates");
    assertEquals(d, table.where("worker = 4 AND step = 2").select("coordinate").distinct().count());
    // scale:10 reports exactly ten times the true gradient of the copied healthy worker's batch.
    assertEquals(0, table.where("faulty != CAST(10 * `true` AS FLOAT)").count());
    assertTrue(table.where("`true` != 0").count() > d, "true gradients are not all zero");
  }

  @Test
  void dataCollectionRefusesAnExistingPathAndNeedsFaultyWorkers() throws Exception {
    java.nio.file.Files.createDirectories(dir.resolve("taken"));
    String[][] cases = {
      {"-f", "0", "--data_coll_path", dir.resolve("taken").toString()},
      {"--data_coll_path", dir.resolve("fresh").toString()}
    };
    String[] expected = {"already exists", "but -f names none"};
    for (int i = 0; i < cases.length; i++) {
      ByteArrayOutputStream err = new ByteArrayOutputStream();
      String[] args =
          java.util.stream.Stream.concat(
                  java.util.stream.Stream.of(
                      "-d", "synthetic", "-w", "4", "-tb", dir.resolve("r").toString()),
                  java.util.Arrays.stream(cases[i]))
              .toArray(String[]::new);
      int status = Main.run(args, System.out, new PrintStream(err, true, StandardCharsets.UTF_8));
      String line = err.toString(StandardCharsets.UTF_8);
      assertEquals(Main.USAGE, status, line);
      assertTrue(line.startsWith("ftsim: --data_coll_path "), line);
      assertTrue(line.contains(expected[i]), line);
      assertEquals(1, line.strip().lines().count(), line);
    }
    assertFalse(java.nio.file.Files.exists(dir.resolve("fresh")));
    assertFalse(java.nio.file.Files.exists(dir.resolve("r")), "nothing written");
  }
}
