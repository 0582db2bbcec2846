package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.data.CifarFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real command on generated files in the official CIFAR binary formats: the cnn end to end, the
 * shards table of IID and heterogeneous partitions, and the cnn's determinism (dropout included)
 * whatever the process count.
 */
class CifarEndToEndTest {

  @TempDir static Path dir;
  static SparkSession spark;

  @BeforeAll
  static void files() throws IOException {
    spark = SparkTestSession.get();
    // 5 × 40 = 200 training images, 40 test images; CIFAR-10 in the archive's own folder.
    CifarFiles.cifar10(dir.resolve("data/cifar10/cifar-10-batches-bin"), 40);
    CifarFiles.cifar100(dir.resolve("data/cifar100"), 300, 50);
  }

  static String run(String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    argv.addAll(
        List.of(
            "--data-dir", dir.resolve("data").toString(), "-tb", dir.resolve("runs").toString()));
    return CommandRuns.ftsim(argv);
  }

  static List<Row> rows(String table, String runId, String order) {
    String[] columns = order.split(",\\s*");
    return spark
        .read()
        .parquet(dir.resolve("runs").resolve(table).toString())
        .where("run_id = '" + runId + "'")
        .orderBy(columns[0], java.util.Arrays.copyOfRange(columns, 1, columns.length))
        .collectAsList();
  }

  @Test
  void cnnOnCifar10RunsEndToEndWithAdam() {
    String console =
        run(
            "-d",
            "cifar10",
            "--arch",
            "cnn",
            "-w",
            "4",
            "-f",
            "3",
            "-gb",
            "32",
            "-e",
            "1",
            "--max-steps",
            "3",
            "--run-id",
            "cnn",
            "--proc",
            "2");
    assertTrue(console.contains("model: cnn, 2072902 parameters"), console);
    assertTrue(console.contains("EP: 1/1, sub-batch: 3/7, avg sub-batch loss: "), console);
    assertTrue(console.contains("validation accuracy: "), console);
    assertTrue(console.contains("time per step: "), console);
    List<Row> steps = rows("steps", "cnn", "step");
    assertEquals(3, steps.size());
    for (Row r : steps) {
      assertEquals(3, r.<Integer>getAs("k"), "drop keeps the 3 honest workers");
      assertEquals(0.005 * Math.sqrt(3), r.<Double>getAs("lr"), 1e-12, "cifar10's Adam rate");
      double loss = r.getAs("train_loss");
      assertTrue(loss > 0.5 && loss < 20, "a cross-entropy over 10 classes: " + loss);
    }
    Row run = rows("runs", "cnn", "run_id").get(0);
    assertEquals("cnn", run.getAs("arch"));
    assertEquals("finished", run.getAs("status"));
    String config = run.getAs("config_json");
    assertTrue(
        config.contains("\"optimizer\":\"adam\"") && config.contains("\"partition\":\"iid\""));
    // IID: the histogram of what each worker computes on in epoch 1, the 200 images once.
    List<Row> shards = rows("shards", "cnn", "worker, label");
    assertEquals(
        List.of("worker", "label", "count", "run_id"),
        List.of(shards.get(0).schema().fieldNames()),
        "the shards schema, partitioned by run_id");
    assertEquals(4 * 10, shards.size());
    assertEquals(200, shards.stream().mapToInt(r -> r.<Integer>getAs("count")).sum());
  }

  @Test
  void heterogeneousPartitionsRecordTheirLabelHistograms() {
    String console =
        run(
            "-d",
            "cifar100",
            "--arch",
            "lenet",
            "-w",
            "5",
            "-gb",
            "20",
            "-e",
            "1",
            "--max-steps",
            "2",
            "--partition",
            "label-sorted",
            "--run-id",
            "sorted",
            "--proc",
            "2");
    assertTrue(console.contains("partition: label-sorted, 60 to 60 samples per worker"), console);
    List<Row> shards = rows("shards", "sorted", "worker, label");
    assertEquals(5 * 100, shards.size());
    assertEquals(300, shards.stream().mapToInt(r -> r.<Integer>getAs("count")).sum());
    for (int w = 0; w < 5; w++) {
      int worker = w;
      long labels =
          shards.stream()
              .filter(r -> r.<Integer>getAs("worker") == worker && r.<Integer>getAs("count") > 0)
              .count();
      assertTrue(labels < 40, "label-sorted: worker " + w + " holds " + labels + " of 100 labels");
    }
    List<Row> steps = rows("steps", "sorted", "step");
    assertEquals(2, steps.size());
    assertEquals(0.001 * Math.sqrt(5), steps.get(0).<Double>getAs("lr"), 1e-12, "cifar100's");
  }

  List<Double> column(String table, String runId, String column) {
    return rows(table, runId, "step").stream().map(r -> r.<Double>getAs(column)).toList();
  }

  /** The cnn has dropout: its masks are seeded per sub-batch, so partitioning changes no bit. */
  @Test
  void cnnIsBitIdenticalWhateverTheProcessCount() {
    for (String[] run : new String[][] {{"d1", "1", "3"}, {"d2", "2", "3"}, {"d3", "2", "4"}}) {
      run(
          "-d",
          "cifar10",
          "-w",
          "3",
          "-gb",
          "24",
          "-e",
          "1",
          "--max-steps",
          "4",
          "--eval-every",
          "2",
          "--partition",
          "dirichlet:1",
          "--run-id",
          run[0],
          "--proc",
          run[1],
          "--seed",
          run[2]);
    }
    List<Double> loss = column("steps", "d1", "train_loss");
    assertEquals(4, loss.size());
    assertEquals(loss, column("steps", "d2", "train_loss"));
    assertEquals(column("evals", "d1", "test_loss"), column("evals", "d2", "test_loss"));
    List<Double> norms =
        rows("workers", "d1", "step, worker").stream()
            .map(r -> r.<Double>getAs("grad_norm"))
            .toList();
    assertEquals(
        norms,
        rows("workers", "d2", "step, worker").stream()
            .map(r -> r.<Double>getAs("grad_norm"))
            .toList());
    assertNotEquals(loss, column("steps", "d3", "train_loss"), "another seed, another run");
  }
}
