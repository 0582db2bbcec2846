package org.ftsim.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.model.DenseStackProbe;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rows of five configurations, timings aside, are those that commit e467c3f (before the driver
 * became a pipeline, issue 12) wrote: every value of {@code steps}, {@code evals}, {@code workers}
 * and {@code corrections} but the {@code *_ms} columns, bit for bit (doubles in their exact decimal
 * form). The expected files are in {@code src/test/resources/golden}; {@code -Dgolden.write=true}
 * writes them anew, which is only ever right at a commit whose numbers are meant to change, and
 * then the note of that commit says why.
 *
 * <p>The expected bits are those of the BLAS of the machines that recorded them, whose OpenBLAS
 * computes a small matrix product with the kernel of a large one. On a CPU with AVX-512 it takes
 * another kernel for small products (whatever {@code OPENBLAS_CORETYPE} says), so DL4J's own
 * gradients have other bits there ({@link #recordingBlas} false). Such a machine compares with the
 * files of its BLAS's fingerprint ({@link DenseStackProbe#blasFingerprint}), in {@code
 * golden/blas-FINGERPRINT/}, recorded there with {@code -Dgolden.write=true}; without them the
 * comparison is skipped. What does not depend on the CPU is checked everywhere: a run's rows are
 * the same with Spark jobs as inline and with one partition as with two.
 */
class ResultsUnchangedTest {

  static final String COMMON = " --proc 2 --seed 7 --eval-every 3";

  static String[] config(String name) {
    String args =
        switch (name) {
          case "mlp" -> "-d mnist -w 4 -gb 64 --max-steps 6";
          case "correct" ->
              "-d synthetic -w 6 -f 1 4 --fault scale:10 --correct --replica-steps 2"
                  + " --correct-every 4 -gb 192 --max-steps 10";
          case "krum-bucketing" ->
              "-d synthetic -w 9 -f 0 --fault signflip -df krum --pre bucketing:2 -gb 288"
                  + " --max-steps 6";
          case "dirichlet-adam" ->
              "-d mnist -w 5 -f 2 --fault gaussian:1 -df median --partition dirichlet:0.5"
                  + " --optimizer adam -gb 80 --max-steps 6";
          case "resumed" ->
              "-d synthetic -w 5 -f 1 --fault random:1 -df cclip --pre bucketing:2 -gb 512 -e 2"
                  + " --checkpoint-every 3";
          default -> throw new IllegalArgumentException(name);
        };
    return (args + COMMON).split(" ");
  }

  static final List<String> TABLES = List.of("steps", "evals", "workers", "corrections");

  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {"mlp", "correct", "krum-bucketing", "dirichlet-adam", "resumed"})
  void rowsAreThoseOfTheCommitBeforeThePipeline(String name) throws IOException {
    // Checked before the run, which would only be thrown away.
    Path golden = golden(name);
    assumeTrue(
        Files.exists(golden) || Boolean.getBoolean("golden.write"),
        () ->
            "no golden files for this CPU's BLAS (AVX-512, fingerprint "
                + DenseStackProbe.blasFingerprint()
                + "): record them with -Dgolden.write=true at a commit whose numbers are right");
    String tb = dir.resolve("runs").toString();
    String[] args =
        Stream.concat(Arrays.stream(config(name)), Stream.of("--run-id", name, "-tb", tb))
            .toArray(String[]::new);
    if (name.equals("resumed")) {
      // Killed at step 5's console line (the checkpoint is step 3's), then resumed.
      CommandRuns.killedAt("EP: 2/2, sub-batch: 1/4,", args);
      CommandRuns.ftsim(List.of("--resume", name, "-tb", tb));
    } else {
      CommandRuns.ftsim(List.of(args));
    }
    String actual = dump(tb, name);
    if (Boolean.getBoolean("golden.write")) {
      Files.createDirectories(golden.getParent());
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual);
  }

  /**
   * Whether this machine's BLAS computes 32 rows of an MLP layer's product alone with the bits it
   * gives them among 256: as on the machines that recorded the golden files.
   */
  static boolean recordingBlas() {
    return DenseStackProbe.rowsIndependent(32, 256, 784, 512);
  }

  /** The expected rows of configuration {@code name} on this machine's BLAS. */
  static Path golden(String name) {
    Path files = Path.of("src/test/resources/golden");
    return (recordingBlas() ? files : files.resolve("blas-" + DenseStackProbe.blasFingerprint()))
        .resolve(name + ".txt");
  }

  /** With one partition, the rows of two ({@link #COMMON}'s --proc 2), on any CPU. */
  @ParameterizedTest
  @ValueSource(strings = {"mlp", "dirichlet-adam"})
  void onePartitionWritesTheRowsOfTwo(String name) {
    String two = dir.resolve("two").toString();
    String one = dir.resolve("one").toString();
    CommandRuns.ftsim(
        Stream.concat(Arrays.stream(config(name)), Stream.of("--run-id", name, "-tb", two))
            .toList());
    CommandRuns.ftsim(
        Stream.concat(
                Arrays.stream(config(name)), Stream.of("--run-id", name, "-tb", one, "--proc", "1"))
            .toList());
    assertEquals(dump(two, name), dump(one, name));
  }

  /**
   * With a local master the gradient and evaluation tasks run on this JVM's threads (inline, issue
   * 15); as Spark jobs, as on a cluster, they write the same rows.
   */
  @ParameterizedTest
  @ValueSource(strings = {"mlp", "krum-bucketing", "dirichlet-adam"})
  void sparkJobsWriteTheRowsInlineTasksWrite(String name) throws IOException {
    String tb = dir.resolve("runs").toString();
    SparkSession spark = SparkTestSession.get();
    spark.sparkContext().setLocalProperty("spark.ftsim.inlineTasks", "false");
    try {
      CommandRuns.ftsim(
          Stream.concat(Arrays.stream(config(name)), Stream.of("--run-id", name, "-tb", tb))
              .toList());
    } finally {
      spark.sparkContext().setLocalProperty("spark.ftsim.inlineTasks", null);
    }
    String sparkJobs = dump(tb, name);
    Path golden = golden(name);
    if (Files.exists(golden)) {
      assertEquals(Files.readString(golden, StandardCharsets.UTF_8), sparkJobs);
    } else {
      String inline = dir.resolve("inline").toString();
      CommandRuns.ftsim(
          Stream.concat(Arrays.stream(config(name)), Stream.of("--run-id", name, "-tb", inline))
              .toList());
      assertEquals(dump(inline, name), sparkJobs);
    }
  }

  /** Every table's rows of {@code runId}, sorted, one line each, timings left out. */
  static String dump(String tb, String runId) {
    SparkSession spark = SparkTestSession.get();
    StringBuilder text = new StringBuilder();
    for (String table : TABLES) {
      Path path = Path.of(tb, table);
      if (!Files.isDirectory(path.resolve("run_id=" + runId))) {
        text.append("# ").append(table).append(": none\n");
        continue;
      }
      Dataset<Row> rows = spark.read().parquet(path.toString()).where("run_id = '" + runId + "'");
      List<String> columns = new ArrayList<>();
      for (String column : rows.columns()) {
        if (!column.endsWith("_ms") && !column.equals("run_id")) {
          columns.add(column);
        }
      }
      List<String> lines = new ArrayList<>();
      for (Row r : rows.selectExpr(columns.toArray(new String[0])).collectAsList()) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < r.size(); i++) {
          line.append(i == 0 ? "" : "\t").append(r.isNullAt(i) ? "null" : r.get(i).toString());
        }
        lines.add(line.toString());
      }
      lines.sort(ResultsUnchangedTest::byNumbers);
      text.append("# ").append(table).append(": ").append(String.join("\t", columns)).append('\n');
      lines.forEach(l -> text.append(l).append('\n'));
    }
    return text.toString();
  }

  /** Rows in the order of their leading integer columns (step, worker), then as text. */
  static int byNumbers(String a, String b) {
    String[] x = a.split("\t");
    String[] y = b.split("\t");
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c;
      try {
        c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
      } catch (NumberFormatException e) {
        c = x[i].compareTo(y[i]);
      }
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
