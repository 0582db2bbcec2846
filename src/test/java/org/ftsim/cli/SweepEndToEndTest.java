package org.ftsim.cli;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code ftsim sweep} on synthetic data: two runs at once on two driver threads give the
 * rows each gives alone under {@code ftsim train}; a second invocation skips them; a run killed
 * mid-sweep is resumed from its checkpoint by the next invocation and ends as the uninterrupted
 * one.
 */
class SweepEndToEndTest {

  @TempDir static Path dir;

  /** synthetic: 2048 samples, gb 256 → 8 steps an epoch; 2 epochs; a faulty worker, two rules. */
  static final String GRID =
      "dataset: synthetic\nworker: 5\nfaulty: [[1]]\nfault: random:1\ndefense: [median, cclip]\n"
          + "global_batch_size: 256\nepoch: 2\nproc: 2\nlog-every: 100\n";

  static String sweepOut;
  static List<String> ids = new ArrayList<>();

  static Path file(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  @BeforeAll
  static void sweepThenEachRunAlone() throws IOException {
    SparkTestSession.get();
    Path grid = file("grid.yaml", GRID);
    sweepOut =
        CommandRuns.ftsim(
            List.of("sweep", grid.toString(), "-tb", tb("sweep"), "--parallel-runs", "2"));
    Matcher m =
        Pattern.compile("\\] results: \\S+ \\(run_id=(synthetic-[0-9a-f]{12})\\)")
            .matcher(sweepOut);
    while (m.find()) {
      ids.add(m.group(1));
    }
    assertEquals(2, ids.size(), sweepOut);
    for (String rule : List.of("median", "cclip")) {
      String id = idOf(rule);
      CommandRuns.ftsim(
          List.of(
              "train",
              "-d",
              "synthetic",
              "-w",
              "5",
              "-f",
              "1",
              "--fault",
              "random:1",
              "-df",
              rule,
              "-gb",
              "256",
              "-e",
              "2",
              "--proc",
              "2",
              "--run-id",
              id,
              "-tb",
              tb("alone")));
    }
  }

  static String tb(String name) {
    return dir.resolve(name).toString();
  }

  static String idOf(String rule) {
    Matcher m =
        Pattern.compile("(synthetic-[0-9a-f]{12}) \\(defense=" + rule + "\\) finished")
            .matcher(sweepOut);
    assertTrue(m.find(), sweepOut);
    return m.group(1);
  }

  /** The rows of run {@code id} of {@code table} under {@code tb}, without run id and timings. */
  static List<String> rows(String tb, String table, String id) {
    Dataset<Row> t =
        SparkTestSession.get()
            .read()
            .parquet(Path.of(tb, table).toString())
            .where(col("run_id").equalTo(id));
    List<String> keep = new ArrayList<>();
    for (String c : t.columns()) {
      if (!c.equals("run_id") && !c.endsWith("_ms")) {
        keep.add(c);
      }
    }
    return t
        .select(keep.get(0), keep.subList(1, keep.size()).toArray(new String[0]))
        .collectAsList()
        .stream()
        .map(Row::toString)
        .sorted()
        .toList();
  }

  @Test
  void twoRunsAtOnceEqualEachRunAlone() {
    for (String id : ids) {
      for (String table : List.of("steps", "evals", "workers", "shards")) {
        List<String> together = rows(tb("sweep"), table, id);
        assertTrue(together.size() >= 4, table + ": " + together.size() + " rows");
        assertEquals(rows(tb("alone"), table, id), together, table + " of " + id);
      }
    }
    assertEquals(16, rows(tb("sweep"), "steps", ids.get(0)).size());
    assertTrue(sweepOut.contains("sweep 2/2 · elapsed "), sweepOut);
    assertTrue(sweepOut.contains("sweep: 2 runs, 0 done already (skipped), 2 to run, 2 at once"));
  }

  @Test
  void aSecondInvocationSkipsFinishedRuns() throws IOException {
    long before = SparkTestSession.get().read().parquet(tb("sweep") + "/steps").count();
    String again =
        CommandRuns.ftsim(
            List.of("sweep", dir.resolve("grid.yaml").toString(), "-tb", tb("sweep")));
    assertTrue(again.contains("sweep: 2 runs, 2 done already (skipped), 0 to run"), again);
    assertEquals(before, SparkTestSession.get().read().parquet(tb("sweep") + "/steps").count());
  }

  @Test
  void anInterruptedRunIsResumedFromItsCheckpoint() throws IOException {
    // One run of the grid (median), checkpoints every 5 steps: killed at step 12, resumed at 10.
    Path grid =
        file(
            "resume.yaml",
            GRID.replace("defense: [median, cclip]", "defense: median")
                    .replace("log-every: 100", "log-every: 1")
                + "checkpoint-every: 5\n");
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {"sweep", grid.toString(), "-tb", tb("resume")},
            killedOnce("EP: 2/2, sub-batch: 4/8", first),
            System.err);
    String killed = first.toString(StandardCharsets.UTF_8);
    assertEquals(Main.FAILED, status, killed);
    String id = idOf("median");
    assertTrue(killed.contains("sweep 1/1 · ") && killed.contains(id + " failed: "), killed);
    String resumed = CommandRuns.ftsim(List.of("sweep", grid.toString(), "-tb", tb("resume")));
    assertTrue(resumed.contains("sweep: 1 runs, 0 done already (skipped), 1 to run"), resumed);
    assertTrue(resumed.contains("resuming " + id + " from step 10"), resumed);
    for (String table : List.of("steps", "evals", "workers", "shards")) {
      assertEquals(rows(tb("sweep"), table, id), rows(tb("resume"), table, id), table);
    }
    List<Row> runs = SparkTestSession.get().read().parquet(tb("resume") + "/runs").collectAsList();
    assertEquals(1, runs.size());
    assertEquals("finished", runs.get(0).getAs("status"));
  }

  /** A console that throws once, at the first line starting with {@code line}. */
  static PrintStream killedOnce(String line, ByteArrayOutputStream copy) {
    return new PrintStream(
        new OutputStream() {
          private final StringBuilder text = new StringBuilder();
          private boolean thrown;

          @Override
          public void write(int b) {
            copy.write(b);
            if (b != '\n') {
              text.append((char) b);
              return;
            }
            String done = text.toString();
            text.setLength(0);
            if (!thrown && done.startsWith(line)) {
              thrown = true;
              throw new IllegalStateException("killed at: " + done);
            }
          }
        },
        true,
        StandardCharsets.UTF_8);
  }
}
