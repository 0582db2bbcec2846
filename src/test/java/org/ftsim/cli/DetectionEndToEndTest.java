package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.detection.DetectorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kohsuke.args4j.Option;

/**
 * {@code --detect} and {@code -df detect} through the real command: the flags in {@code workers}, k
 * as the count of unflagged reports, and the {@code detections} row recounted from the workers
 * rows.
 */
class DetectionEndToEndTest {

  @TempDir Path dir;

  private String run(String... args) {
    return CommandRuns.ftsim(List.of(args));
  }

  @Test
  void detectDropsTheFlaggedWorkersAndScoresItself() {
    String console =
        run(
            "-d",
            "synthetic",
            "-w",
            "8",
            "-f",
            "0",
            "1",
            "6",
            "--fault",
            "scale:10",
            "--fault-prob",
            "0.5",
            "--detect",
            "zscore",
            "-df",
            "detect",
            "-gb",
            "256",
            "-e",
            "1",
            "--max-steps",
            "6",
            "--run-id",
            "det",
            "-tb",
            dir.toString());
    assertTrue(console.contains("detection (zscore:threshold=3.5): precision "), console);
    SparkSession spark = SparkTestSession.get();
    List<Row> workers =
        spark
            .read()
            .parquet(dir.resolve("workers").toString())
            .orderBy("step", "worker")
            .collectAsList();
    Map<Integer, Integer> unflagged = new HashMap<>();
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (Row r : workers) {
      boolean flagged = r.<Boolean>getAs("flagged");
      boolean misbehaves = r.getAs("fault") != null;
      assertNotNull(r.getAs("suspicion"));
      assertEquals(!flagged, r.<Boolean>getAs("used"), "detect uses exactly the unflagged");
      unflagged.merge(r.<Integer>getAs("step"), flagged ? 0 : 1, Integer::sum);
      tp += flagged && misbehaves ? 1 : 0;
      fp += flagged && !misbehaves ? 1 : 0;
      fn += !flagged && misbehaves ? 1 : 0;
    }
    assertTrue(tp > 0, "scale:10 is caught");
    for (Row s : spark.read().parquet(dir.resolve("steps").toString()).collectAsList()) {
      assertEquals(unflagged.get(s.<Integer>getAs("step")), s.<Integer>getAs("k"));
    }
    Row d = spark.read().parquet(dir.resolve("detections").toString()).first();
    assertEquals("zscore:threshold=3.5", d.getAs("detector"));
    assertEquals(6, d.<Integer>getAs("steps"));
    assertEquals(tp, d.<Long>getAs("true_flags"));
    assertEquals(fp, d.<Long>getAs("false_flags"));
    assertEquals(fn, d.<Long>getAs("missed"));
    assertEquals(tp / (double) (tp + fp), d.<Double>getAs("precision"), 1e-15);
    assertEquals(tp / (double) (tp + fn), d.<Double>getAs("recall"), 1e-15);
    assertEquals(List.of(0, 1, 6), d.getList(d.fieldIndex("faulty_workers")));
    assertEquals(0L, d.<Long>getAs("extra_gradients"));
  }

  @Test
  void theHelpLineListsEveryDetector() throws NoSuchFieldException {
    String usage =
        TrainCommand.class.getDeclaredField("detect").getAnnotation(Option.class).usage();
    for (String detector : DetectorRegistry.usages()) {
      assertTrue(usage.contains(detector), detector + " in: " + usage);
    }
  }

  @Test
  void withoutDetectTheColumnsAreNullAndDetectNeedsADetector() {
    run(
        "-d",
        "synthetic",
        "-w",
        "4",
        "-f",
        "0",
        "-gb",
        "128",
        "--max-steps",
        "2",
        "--run-id",
        "plain",
        "-tb",
        dir.toString());
    for (Row r :
        SparkTestSession.get().read().parquet(dir.resolve("workers").toString()).collectAsList()) {
      assertNull(r.getAs("flagged"));
      assertNull(r.getAs("suspicion"));
    }
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"-d", "synthetic", "-w", "4", "-f", "0", "-df", "detect"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertEquals(
        "ftsim: -df/--defense detect: drops the flagged workers; name a --detect\n",
        err.toString(StandardCharsets.UTF_8));
    err.reset();
    status =
        Main.run(
            new String[] {"-d", "synthetic", "--detect", "zscor"},
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(2, status);
    assertTrue(
        err.toString(StandardCharsets.UTF_8)
            .contains("--detect zscor: unknown detector 'zscor'; valid: zscore, reputation,"),
        err.toString(StandardCharsets.UTF_8));
  }
}
