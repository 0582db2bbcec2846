package org.ftsim.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.checkpoint.CheckpointStore;
import org.ftsim.data.CifarFiles;
import org.ftsim.data.InputShape;
import org.ftsim.model.ModelSpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch normalisation end to end on generated CIFAR-10 files with {@code resnet18-cifar}: each
 * worker normalises with its own batch, the running statistics are driver state updated from the
 * workers' statistics in worker order, never touched by a fault, the same whatever the process
 * count, and carried through a checkpoint and resume.
 */
class BatchNormEndToEndTest {

  @TempDir static Path dir;

  static final String BASE = "-d cifar10 --arch resnet18-cifar -w 2 -gb 6 -e 1 --eval-every 2";

  @BeforeAll
  static void files() throws IOException {
    SparkTestSession.get();
    CifarFiles.cifar10(dir.resolve("data/cifar10/cifar-10-batches-bin"), 8);
  }

  static String[] args(String args, String runId) {
    List<String> argv = new ArrayList<>(Arrays.asList((BASE + " " + args).trim().split("\\s+")));
    argv.addAll(
        List.of(
            "--run-id",
            runId,
            "--data-dir",
            dir.resolve("data").toString(),
            "-tb",
            dir.resolve("runs").toString()));
    return argv.toArray(new String[0]);
  }

  static String train(String args, String runId) {
    return CommandRuns.ftsim(List.of(args(args, runId)));
  }

  static float[] finalParams(String runId) {
    return CheckpointStore.of(dir.resolve("runs").toString(), runId, new Configuration())
        .latest()
        .orElseThrow()
        .params();
  }

  static List<Object> column(String table, String runId, String column) {
    return SparkTestSession.get()
        .read()
        .parquet(dir.resolve("runs").resolve(table).resolve("run_id=" + runId).toString())
        .orderBy("step")
        .select(column)
        .collectAsList()
        .stream()
        .map(r -> r.get(0))
        .toList();
  }

  static int[] state() {
    return new ModelSpec("resnet18-cifar", new InputShape(3, 32, 32), 10, false)
        .network()
        .statePositions();
  }

  @Test
  void theSameBitsWhateverTheProcessCountAndTheRunningStatisticsMove() {
    train("--max-steps 2 --proc 1 --checkpoint-every 2", "p1");
    train("--max-steps 2 --proc 2 --checkpoint-every 2", "p2");
    assertEquals(column("steps", "p1", "train_loss"), column("steps", "p2", "train_loss"));
    assertEquals(column("evals", "p1", "metric"), column("evals", "p2", "metric"));
    float[] p1 = finalParams("p1");
    assertArrayEquals(p1, finalParams("p2"));
    // The running statistics left their initial values (mean 0, variance 1).
    int[] state = state();
    assertEquals(2 * 4_800, state.length);
    int moved = 0;
    for (int i : state) {
      moved += p1[i] != 0 && p1[i] != 1 ? 1 : 0;
    }
    assertTrue(moved > state.length / 2, moved + " of " + state.length + " moved");
  }

  @Test
  void aFaultyReportNeverTouchesTheRunningStatistics() {
    // After one step the parameters differ (the faulty report moves the mean), the running
    // statistics do not: both come from the same workers' batches at the same parameters.
    train("-f 1 --fault scale:1e6 -df mean --max-steps 1 --checkpoint-every 1", "faulty");
    train("--max-steps 1 --checkpoint-every 1", "honest");
    float[] faulty = finalParams("faulty");
    float[] honest = finalParams("honest");
    for (int i : state()) {
      assertEquals(honest[i], faulty[i], "state position " + i);
    }
    assertFalse(Arrays.equals(faulty, honest), "the trained parameters differ");
    for (Row r :
        SparkTestSession.get()
            .read()
            .parquet(dir.resolve("runs").resolve("workers").resolve("run_id=faulty").toString())
            .collectAsList()) {
      assertTrue(r.<Double>getAs("grad_norm") > 0);
    }
  }

  @Test
  void aResumedRunEqualsTheUninterruptedOne() {
    train("--max-steps 3 --checkpoint-every 1", "whole");
    CommandRuns.killedAt(
        "EP: 1/1, sub-batch: 3/", args("--max-steps 3 --checkpoint-every 1", "cut"));
    CommandRuns.ftsim(List.of("--resume", "cut", "-tb", dir.resolve("runs").toString()));
    assertArrayEquals(finalParams("whole"), finalParams("cut"));
    assertEquals(column("steps", "whole", "train_loss"), column("steps", "cut", "train_loss"));
  }

  /** The prototype's ResNet input: CIFAR images resized to 224 × 224 for the ImageNet stem. */
  @Test
  void resnet18OnImagesResizedTo224() {
    String console =
        CommandRuns.ftsim(
            List.of(
                "-d",
                "cifar10",
                "--arch",
                "resnet18",
                "--resize",
                "224",
                "-w",
                "2",
                "-gb",
                "2",
                "--max-steps",
                "1",
                "--run-id",
                "r224",
                "--data-dir",
                dir.resolve("data").toString(),
                "-tb",
                dir.resolve("runs").toString()));
    assertTrue(console.contains("model: resnet18, 11191242 parameters"), console);
    assertTrue(console.contains("final accuracy: "), console);
    assertEquals(1, column("steps", "r224", "train_loss").size());
  }
}
