package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.tensorboard.Events;
import org.ftsim.tensorboard.RecordReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real {@code ftsim train --tensorboard} run read back by {@code ftsim import-tensorboard}: its
 * event files give back its own train losses and test metrics. TensorBoard stores scalars as
 * float32, so the comparison is at float precision: each imported value is exactly the run's double
 * rounded to the nearest float.
 */
class TensorBoardRoundTripTest {

  @TempDir Path tmp;

  @Test
  void importedEventsGiveBackTheRunsLossesAndMetrics() throws IOException {
    SparkSession spark = SparkTestSession.get();
    Path runs = tmp.resolve("runs");
    String[] train =
        ftsim(
            "train",
            "-d",
            "synthetic",
            "-w",
            "4",
            "-f",
            "0",
            "--correct",
            "--correct-every",
            "2",
            "-gb",
            "256",
            "--max-steps",
            "7",
            "--eval-every",
            "3",
            "--log-every",
            "100",
            "--run-id",
            "rt",
            "-tb",
            runs.toString(),
            "--tensorboard");
    assertEquals("0", train[0], train[2]);
    Path folder = runs.resolve("tensorboard").resolve("rt");
    assertTrue(train[1].contains("tensorboard: " + folder), train[1]);

    // One event file, every record sound, the prototype's tags and ftsim's.
    Path file;
    try (Stream<Path> files = Files.list(folder)) {
      List<Path> all = files.toList();
      assertEquals(1, all.size(), all.toString());
      file = all.get(0);
    }
    assertTrue(file.getFileName().toString().startsWith("events.out.tfevents."));
    RecordReader.Contents contents = RecordReader.read(Files.readAllBytes(file));
    assertEquals(List.of(), contents.problems());
    Set<String> tags = new TreeSet<>();
    Map<String, Double> byTagAndStep = new HashMap<>();
    for (RecordReader.Record r : contents.records()) {
      Events.Event event = Events.decode(r.data());
      for (Events.Scalar s : event.scalars()) {
        tags.add(s.tag());
        byTagAndStep.put(s.tag() + "@" + event.step(), s.value());
      }
    }
    assertEquals(
        Set.of(
            "Loss/train",
            "Accuracy/val",
            "ftsim/test_loss",
            "ftsim/k",
            "ftsim/lr",
            "ftsim/grad_norm/honest",
            "ftsim/grad_norm/faulty",
            "ftsim/correction_error"),
        tags);

    Path imported = tmp.resolve("imported");
    String[] in =
        ftsim(
            "import-tensorboard",
            runs.resolve("tensorboard").toString(),
            "-tb",
            imported.toString());
    assertEquals("0", in[0], in[2]);
    assertEquals("", in[2]);
    assertTrue(in[1].startsWith("imported rt: 7 steps, 3 evaluations"), in[1]);

    List<Row> steps =
        spark.read().parquet(runs.resolve("steps").toString()).orderBy("step").collectAsList();
    List<Row> back =
        spark.read().parquet(imported.resolve("steps").toString()).orderBy("step").collectAsList();
    assertEquals(7, steps.size());
    assertEquals(steps.size(), back.size());
    // ftsim's own scalars: k and the learning rate of each step, the honest workers' mean norm.
    List<Row> workers = spark.read().parquet(runs.resolve("workers").toString()).collectAsList();
    for (Row s : steps) {
      int step = s.<Integer>getAs("step");
      assertEquals((double) s.<Integer>getAs("k"), byTagAndStep.get("ftsim/k@" + step));
      assertEquals(asFloat(s, "lr"), byTagAndStep.get("ftsim/lr@" + step));
      double honestNorm =
          workers.stream()
              .filter(w -> w.<Integer>getAs("step") == step && !w.<Boolean>getAs("faulty"))
              .mapToDouble(w -> w.<Double>getAs("grad_norm"))
              .average()
              .orElseThrow();
      assertEquals((double) (float) honestNorm, byTagAndStep.get("ftsim/grad_norm/honest@" + step));
    }
    for (int i = 0; i < steps.size(); i++) {
      Row s = steps.get(i);
      Row b = back.get(i);
      assertEquals(s.<Integer>getAs("step"), b.<Integer>getAs("step"));
      assertEquals(asFloat(s, "train_loss"), b.<Double>getAs("train_loss").doubleValue());
      assertEquals("imported", b.getAs("phase"));
    }
    List<Row> evals =
        spark.read().parquet(runs.resolve("evals").toString()).orderBy("step").collectAsList();
    List<Row> evalsBack =
        spark.read().parquet(imported.resolve("evals").toString()).orderBy("step").collectAsList();
    // At steps 3 and 6 (--eval-every 3) and at the last, 7.
    assertEquals(List.of(3, 6, 7), evals.stream().map(r -> r.<Integer>getAs("step")).toList());
    assertEquals(evals.size(), evalsBack.size());
    for (int i = 0; i < evals.size(); i++) {
      Row e = evals.get(i);
      Row b = evalsBack.get(i);
      assertEquals(e.<Integer>getAs("step"), b.<Integer>getAs("step"));
      assertEquals(e.<String>getAs("metric_name"), b.<String>getAs("metric_name"));
      assertEquals(asFloat(e, "metric"), b.<Double>getAs("metric").doubleValue());
      assertEquals(asFloat(e, "test_loss"), b.<Double>getAs("test_loss").doubleValue());
    }
    Row run = spark.read().parquet(imported.resolve("runs").toString()).first();
    assertEquals("rt", run.getAs("run_id"));
    assertEquals("imported", run.getAs("status"));
    assertEquals(7, run.<Integer>getAs("last_step"));
    assertEquals(asFloat(evals.get(2), "metric"), run.<Double>getAs("final_metric").doubleValue());
    assertNull(run.getAs("error"));
  }

  /**
   * The double in column {@code column} of {@code row}, rounded to float32 as TensorBoard has it.
   */
  private static double asFloat(Row row, String column) {
    return (float) row.<Double>getAs(column).doubleValue();
  }

  /** {status, stdout, stderr} of {@code ftsim args}. */
  static String[] ftsim(String... args) {
    CommandRuns.Outcome o = CommandRuns.run(List.of(args));
    return new String[] {String.valueOf(o.status()), o.out(), o.err()};
  }
}
