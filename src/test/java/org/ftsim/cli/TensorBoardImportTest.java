package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.ftsim.tensorboard.Events;
import org.ftsim.tensorboard.TfRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ftsim import-tensorboard} on the prototype's own event files and on bad input. The four
 * files in {@code src/test/resources/tensorboard/cifar100/} are unchanged copies of the prototype
 * repository's (zyang37/Fault-Tolerance-Distributed-DNN-Training, commit e862337, {@code
 * runs/cifar100/}), written by PyTorch's SummaryWriter: CIFAR-100, 8 epochs of 196 steps.
 */
class TensorBoardImportTest {

  @TempDir Path tmp;

  @Test
  void thePrototypesFourRuns() throws URISyntaxException, IOException {
    SparkSession spark = SparkTestSession.get();
    Path prototype = resource("tensorboard");
    Path results = tmp.resolve("results");
    String[] r = ftsim("import-tensorboard", prototype.toString(), "-tb", results.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("", r[2], "no corrupt record");
    assertEquals(
        List.of(
            "imported cifar100-8w_2f_b256: 1568 steps, 16 evaluations, final accuracy 0.3231 (1 file)",
            "imported cifar100-8w_2f_b256_correct: 1568 steps, 16 evaluations, final accuracy"
                + " 0.3413 (1 file)",
            "imported cifar100-8w_b256: 1568 steps, 16 evaluations, final accuracy 0.3617 (1 file)",
            "imported cifar100-resnet_4w_b256_normal: 1568 steps, 16 evaluations, final accuracy"
                + " 0.6797 (1 file)"),
        r[1].lines().limit(4).toList());

    Map<String, Row> runs =
        spark.read().parquet(results.resolve("runs").toString()).collectAsList().stream()
            .collect(
                Collectors.toMap(
                    row -> row.getAs("run_id"), row -> row, (a, b) -> a, TreeMap::new));
    assertEquals(
        List.of(
            "cifar100-8w_2f_b256",
            "cifar100-8w_2f_b256_correct",
            "cifar100-8w_b256",
            "cifar100-resnet_4w_b256_normal"),
        List.copyOf(runs.keySet()));
    // The prototype's README: 0.362, 0.323, 0.341, 0.680 (three decimals, rounded half up).
    assertEquals("0.323", threeDecimals(runs.get("cifar100-8w_2f_b256")));
    assertEquals("0.341", threeDecimals(runs.get("cifar100-8w_2f_b256_correct")));
    assertEquals("0.362", threeDecimals(runs.get("cifar100-8w_b256")));
    assertEquals("0.680", threeDecimals(runs.get("cifar100-resnet_4w_b256_normal")));
    for (Row run : runs.values()) {
      assertEquals("imported", run.getAs("status"));
      assertEquals("cifar100", run.getAs("dataset"));
      assertEquals(256, run.<Integer>getAs("global_batch_size"));
      assertEquals(1568, run.<Integer>getAs("last_step"));
      assertNull(run.getAs("error"));
      assertTrue(run.<Double>getAs("wall_s") > 0);
    }
    Row correct = runs.get("cifar100-8w_2f_b256_correct");
    assertEquals(8, correct.<Integer>getAs("workers"));
    assertEquals(2, correct.getList(correct.fieldIndex("faulty")).size());
    assertTrue(correct.<Boolean>getAs("correct"));
    Row resnet = runs.get("cifar100-resnet_4w_b256_normal");
    assertEquals(4, resnet.<Integer>getAs("workers"));
    assertEquals("resnet", resnet.getAs("arch"));
    assertEquals(0, resnet.getList(resnet.fieldIndex("faulty")).size());
    assertFalse(resnet.<Boolean>getAs("correct"));

    List<Row> steps =
        spark
            .read()
            .parquet(results.resolve("steps").toString())
            .groupBy("run_id")
            .agg(
                org.apache.spark.sql.functions.count("step").as("n"),
                org.apache.spark.sql.functions.min("step").as("first"),
                org.apache.spark.sql.functions.max("step").as("last"))
            .collectAsList();
    assertEquals(4, steps.size());
    for (Row s : steps) {
      assertEquals(1568L, s.<Long>getAs("n"));
      assertEquals(1, s.<Integer>getAs("first"));
      assertEquals(1568, s.<Integer>getAs("last"));
    }
    // Every half epoch: steps 99, 196, 295, ..., 1568 (16 evaluations per run).
    List<Integer> evalSteps =
        spark
            .read()
            .parquet(results.resolve("evals").toString())
            .where("run_id = 'cifar100-8w_b256'")
            .orderBy("step")
            .collectAsList()
            .stream()
            .map(e -> e.<Integer>getAs("step"))
            .toList();
    assertEquals(16, evalSteps.size());
    assertEquals(List.of(99, 196, 295), evalSteps.subList(0, 3));
    assertEquals(1568, evalSteps.get(15));

    // ftsim report draws them: the runs table names the four, with their status.
    Path page = tmp.resolve("report.html");
    String[] report = ftsim("report", "-tb", results.toString(), "--out", page.toString());
    assertEquals("0", report[0], report[2]);
    assertEquals("report: " + page + " (4 runs, 2 charts)", report[1].strip());
    String html = Files.readString(page);
    assertEquals(4, html.split("<td>imported</td>", -1).length - 1, html);
    assertTrue(html.contains("id=\"chart-metric-accuracy\""));
    assertFalse(html.contains("id=\"chart-norms-"), "no workers rows: no norm panels");

    // A second import into the same results is refused: the run ids are there already.
    String[] again = ftsim("import-tensorboard", prototype.toString(), "-tb", results.toString());
    assertEquals("2", again[0]);
    assertEquals(
        "ftsim: -tb/--tb "
            + results
            + ": already holds a run cifar100-8w_2f_b256; nothing imported",
        again[2].strip());
  }

  /**
   * Scalars stored as rank-0 tensors, as TensorFlow 2 writes them: files written by TensorBoard
   * 2.21.0's own Python writer ({@code
   * src/test/resources/tensorboard-tensors/make_tensor_scalars.py} says how), one with typed values
   * ({@code float_val}, {@code double_val}), one with {@code tensor_content}.
   */
  @Test
  void scalarsStoredAsTensorsAreImported() throws URISyntaxException {
    Path results = tmp.resolve("results");
    String[] r =
        ftsim(
            "import-tensorboard",
            resource("tensorboard-tensors").toString(),
            "-tb",
            results.toString());
    assertEquals("0", r[0], r[2]);
    SparkSession spark = SparkTestSession.get();
    for (String run : List.of("float_val-4w_b64", "tensor_content-4w_b64")) {
      List<Double> losses =
          spark
              .read()
              .parquet(results.resolve("steps").toString())
              .where("run_id = '" + run + "'")
              .orderBy("step")
              .collectAsList()
              .stream()
              .map(row -> row.<Double>getAs("train_loss"))
              .toList();
      assertEquals(List.of(2.25, 2.0, 1.75, 1.5, 1.25), losses, run);
      List<Row> evals =
          spark
              .read()
              .parquet(results.resolve("evals").toString())
              .where("run_id = '" + run + "'")
              .orderBy("step")
              .collectAsList();
      assertEquals(List.of(2, 4), evals.stream().map(e -> e.<Integer>getAs("step")).toList());
      // float_val's run stores the accuracy as DT_DOUBLE, tensor_content's as DT_FLOAT.
      double accuracy = run.startsWith("float_val") ? 0.4 : (float) 0.4;
      assertEquals(accuracy, evals.get(1).<Double>getAs("metric").doubleValue(), run);
    }
  }

  @Test
  void aCorruptRecordIsReportedWithItsFileAndOffsetAndTheRestImported() throws IOException {
    Path dir = tmp.resolve("tb").resolve("4w_b64");
    Files.createDirectories(dir);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    TfRecord.write(out, Events.fileVersion(1));
    int corrupt = 0;
    for (int step = 1; step <= 4; step++) {
      if (step == 3) {
        corrupt = out.size();
      }
      TfRecord.write(
          out, Events.scalars(1 + step, step, List.of("Loss/train"), new float[] {step}));
    }
    byte[] bytes = out.toByteArray();
    bytes[corrupt + 14] ^= 0x10;
    Path file = dir.resolve("events.out.tfevents.1.host.1.0");
    Files.write(file, bytes);
    String[] r =
        ftsim(
            "import-tensorboard",
            tmp.resolve("tb").toString(),
            "-tb",
            tmp.resolve("results").toString());
    assertEquals("0", r[0], r[2]);
    assertEquals(
        "ftsim: warning: "
            + file
            + " offset "
            + corrupt
            + ": bad data CRC in a record of length "
            + Events.scalars(4, 3, List.of("Loss/train"), new float[] {3}).length
            + "; record skipped",
        r[2].strip());
    assertTrue(
        r[1].startsWith(
            "imported 4w_b64: 3 steps, 0 evaluations, final accuracy none (1 file, 1"
                + " corrupt record(s) skipped)"),
        r[1]);
    Row run = SparkTestSession.get().read().parquet(tmp.resolve("results/runs").toString()).first();
    assertEquals(4, run.<Integer>getAs("workers"));
    assertEquals(64, run.<Integer>getAs("global_batch_size"));
    assertTrue(run.<String>getAs("error").contains("offset " + corrupt), run.toString());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing", "no-event-files", "not-tfrecord", "not-events", "no-scalars"})
  void badInputIsOneLineWithStatus2AndNothingWritten(String kind) throws IOException {
    Path dir = tmp.resolve(kind);
    String file = dir.resolve("run/events.out.tfevents.1.host.1.0").toString();
    String reason =
        switch (kind) {
          case "missing" -> "not a directory";
          case "no-event-files" -> {
            Files.createDirectories(dir.resolve("run"));
            Files.writeString(dir.resolve("run/notes.txt"), "no events here");
            yield "no TensorBoard event files (events.out.tfevents.*) in it or below";
          }
          case "not-tfrecord" -> {
            Files.createDirectories(dir.resolve("run"));
            Files.writeString(Path.of(file), "step,loss\n1,2.30\n2,2.25\n");
            yield file
                + " is not a TFRecord file (offset 0: bad length CRC; no sound record after it)";
          }
          case "not-events" -> {
            Files.createDirectories(dir.resolve("run"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TfRecord.write(out, new byte[] {(byte) 0xff, (byte) 0xff}); // not a protocol buffer
            Files.write(Path.of(file), out.toByteArray());
            yield file + " is not a TensorBoard event file (no record is an Event)";
          }
          default -> {
            Files.createDirectories(dir.resolve("run"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            TfRecord.write(out, Events.fileVersion(1));
            TfRecord.write(out, Events.scalars(2, 1, List.of("other/tag"), new float[] {1}));
            Files.write(Path.of(file), out.toByteArray());
            yield "its event files hold no Loss/train, Accuracy/val or MSE/val scalars";
          }
        };
    Path results = tmp.resolve("results");
    String[] r = ftsim("import-tensorboard", dir.toString(), "-tb", results.toString());
    assertEquals("2", r[0]);
    assertEquals("", r[1]);
    String[] lines = r[2].strip().split("\n");
    assertEquals("ftsim: import-tensorboard DIR " + dir + ": " + reason, lines[lines.length - 1]);
    assertEquals(1, lines.length, r[2]);
    assertFalse(Files.exists(results), "nothing written");
  }

  @Test
  void noDirectoryGiven() {
    String[] r = ftsim("import-tensorboard");
    assertEquals("2", r[0]);
    assertEquals("ftsim: import-tensorboard DIR: no folder given", r[2].strip());
  }

  private static String threeDecimals(Row run) {
    return String.format(Locale.ROOT, "%.3f", run.<Double>getAs("final_metric"));
  }

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(TensorBoardImportTest.class.getClassLoader().getResource(name).toURI());
  }

  private static String[] ftsim(String... args) {
    return TensorBoardRoundTripTest.ftsim(args);
  }
}
