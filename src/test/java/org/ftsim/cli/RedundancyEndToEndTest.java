package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.data.CifarFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --detect redundancy} through the real command: honest copies computed by different workers
 * on Spark agree bit for bit (dropout masks included), so with one liar every flag is exact: a
 * worker is flagged at exactly the steps at which it misbehaved.
 */
class RedundancyEndToEndTest {

  @TempDir Path dir;

  /** Runs the command; returns the workers rows of run {@code id}, by step and worker. */
  private List<Row> run(String id, String... args) {
    List<String> argv = new ArrayList<>(List.of(args));
    argv.addAll(List.of("--run-id", id, "-tb", dir.resolve("runs").toString()));
    String console = CommandRuns.ftsim(argv);
    assertTrue(console.contains("extra gradients"), console);
    return SparkTestSession.get()
        .read()
        .parquet(dir.resolve("runs/workers").toString())
        .where("run_id = '" + id + "'")
        .orderBy("step", "worker")
        .collectAsList();
  }

  private Row detections(String id) {
    return SparkTestSession.get()
        .read()
        .parquet(dir.resolve("runs/detections").toString())
        .where("run_id = '" + id + "'")
        .first();
  }

  /** Asserts each worker-step's flag is its misbehaviour, and that someone misbehaved. */
  private static void flagsAreTheTruth(List<Row> workers) {
    int misbehaved = 0;
    for (Row r : workers) {
      boolean misbehaves = r.getAs("fault") != null;
      misbehaved += misbehaves ? 1 : 0;
      assertEquals(
          misbehaves,
          r.<Boolean>getAs("flagged"),
          "worker " + r.getAs("worker") + " at step " + r.getAs("step"));
    }
    assertTrue(misbehaved > 0);
  }

  @Test
  void twoCopiesFindAnIntermittentLiarExactly() {
    List<Row> workers =
        run(
            "r2",
            "-d",
            "synthetic",
            "-w",
            "8",
            "-f",
            "3",
            "--fault",
            "gaussian:1",
            "--fault-prob",
            "0.5",
            "--detect",
            "redundancy:r=2",
            "-df",
            "detect",
            "-gb",
            "256",
            "--max-steps",
            "10",
            "--proc",
            "2");
    flagsAreTheTruth(workers);
    Row d = detections("r2");
    assertEquals("redundancy:r=2", d.getAs("detector"));
    assertEquals(1.0, d.<Double>getAs("precision"));
    assertEquals(1.0, d.<Double>getAs("recall"));
    assertEquals(0L, d.<Long>getAs("honest_flags"));
    assertEquals(10L * 8, d.<Long>getAs("extra_gradients"), "one more gradient per worker-step");
  }

  @Test
  void threeCopiesOfADropoutNetworkAgreeAndExposeALabelFlipper() throws IOException {
    CifarFiles.cifar10(dir.resolve("data/cifar10/cifar-10-batches-bin"), 40);
    List<Row> workers =
        run(
            "cnn",
            "-d",
            "cifar10",
            "--data-dir",
            dir.resolve("data").toString(),
            "--arch",
            "cnn",
            "-w",
            "4",
            "-f",
            "1",
            "--fault",
            "labelflip",
            "--detect",
            "redundancy:3",
            "-df",
            "detect",
            "-gb",
            "16",
            "--max-steps",
            "2");
    flagsAreTheTruth(workers);
    assertEquals(2L * 2 * 4, detections("cnn").<Long>getAs("extra_gradients"));
  }
}
