package org.ftsim.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Crashed workers report nothing: every robust rule whose precondition holds for the reports that
 * arrive aggregates them (counting the missing workers among the faulty ones when it must), k
 * counts what arrived, and a step at which too few arrive for any fallback fails the run with one
 * line. A run whose aggregate or parameters stop being finite ends as {@code diverged}.
 */
class CrashAndDivergenceTest {

  @TempDir Path dir;

  String tb() {
    return dir.resolve("runs").toString();
  }

  List<Row> rows(String table, String runId) {
    return SparkTestSession.get()
        .read()
        .parquet(tb() + "/" + table + "/run_id=" + runId)
        .collectAsList();
  }

  String console(String runId, String args) {
    List<String> argv = new ArrayList<>(Arrays.asList(args.trim().split("\\s+")));
    if (!argv.contains("-d")) {
      argv.addAll(List.of("-d", "synthetic"));
    }
    argv.addAll(List.of("--run-id", runId, "-tb", tb(), "--proc", "2"));
    return CommandRuns.ftsim(argv);
  }

  @ParameterizedTest(name = "{0} with {1} workers")
  @CsvSource({
    "krum, 7, ''",
    "multi-krum, 7, ''",
    "median, 7, ''",
    "trimmed-mean, 7, ''",
    "geomed, 7, ''",
    "cclip, 7, ''",
    "meamed, 7, ''",
    "mean-filter, 7, ''",
    "mean, 7, ''",
    "drop, 7, ''",
    "bulyan, 11, ''",
    "krum, 13, bucketing:2",
    "mda, 7, ''",
    "monna, 7, ''",
    "caf, 7, ''",
    "smea, 7, ''",
    "dnc, 7, ''",
    "signguard, 7, ''",
    "clipped-clustering, 7, ''",
  })
  void twoCrashedWorkersNeverStopARobustRule(String rule, int workers, String pre) {
    String runId = (rule + workers + pre).replace(":", "");
    String out =
        console(
            runId,
            "-w "
                + workers
                + " -gb "
                + 32 * workers
                + " -f 0 1 --fault crash -df "
                + rule
                + (pre.isEmpty() ? "" : " --pre " + pre)
                + " --max-steps 3 --eval-every 3");
    assertTrue(out.contains("final accuracy: "), out);
    assertEquals("finished", rows("runs", runId).get(0).getAs("status"));
    List<Row> steps = rows("steps", runId);
    assertEquals(3, steps.size());
    for (Row s : steps) {
      int k = s.getAs("k");
      assertTrue(k >= 1 && k <= workers - 2, "k counts only what arrived: " + k);
      if (rule.equals("mean") || rule.equals("drop")) {
        assertEquals(workers - 2, k);
      }
    }
    for (Row w : rows("workers", runId)) {
      int worker = w.getAs("worker");
      if (worker < 2) {
        assertFalse(w.<Boolean>getAs("used"), "a crashed worker is never used");
        assertNull(w.getAs("grad_norm"));
        assertEquals("crash", w.getAs("fault"));
      }
    }
  }

  @Test
  void crashesHalfTheTimeWithKrumAndWithCorrection() {
    console("half", "-w 7 -gb 224 -f 0 1 --fault crash --fault-prob 0.5 -df krum --max-steps 8");
    List<Integer> arrived = new ArrayList<>();
    for (Row s : rows("steps", "half")) {
      assertEquals(1, s.<Integer>getAs("k"), "Krum selects one report");
    }
    long crashes =
        rows("workers", "half").stream().filter(w -> "crash".equals(w.getAs("fault"))).count();
    assertTrue(crashes > 0 && crashes < 16, "some steps crash, some do not: " + crashes);

    String out =
        console(
            "corrected",
            "-w 6 -gb 192 -f 0 2 --fault crash --fault-prob 0.5 --correct --replica-steps 2"
                + " --correct-every 3 --max-steps 10");
    assertTrue(out.contains("final accuracy: "), out);
    assertEquals("finished", rows("runs", "corrected").get(0).getAs("status"));
    for (Row s : rows("steps", "corrected")) {
      arrived.add(s.getAs("k"));
    }
    assertEquals(10, arrived.size());
    assertTrue(arrived.stream().allMatch(k -> k >= 4 && k <= 6), arrived.toString());
  }

  @Test
  void tooFewReportsForAnyFallbackIsOneLineAndAFailedRunsRow() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    String[] args =
        ("-d synthetic -w 5 -gb 160 -f 0 1 2 --fault crash -df krum --tolerate 1 --max-steps 3"
                + " --run-id few -tb "
                + tb())
            .split(" ");
    SparkTestSession.get();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals(1, status);
    assertEquals(
        "ftsim: step 1: 2 of 5 workers' reports arrived, too few for krum: Krum needs n > 2f + 2;"
            + " got n=2, f=0\n",
        message);
    Row run = rows("runs", "few").get(0);
    assertEquals("failed", run.getAs("status"));
    assertEquals(1, run.<Integer>getAs("last_step"));
    assertTrue(run.<String>getAs("error").startsWith("step 1: 2 of 5"), run.toString());
  }

  @Test
  void nonFiniteReportsEndTheRunAsDivergedAtThatStep() {
    String out = console("nan", "-d dummy -w 4 -gb 64 -f 0 --fault nan -df mean --max-steps 5");
    assertTrue(out.contains("diverged at step 1: the aggregate is not finite (k=4)"), out);
    assertFalse(out.contains("final mse"), "a diverged run reports no final metric: " + out);
    assertTrue(out.contains("results: "), out);
    Row run = rows("runs", "nan").get(0);
    assertEquals("diverged", run.getAs("status"));
    assertEquals(1, run.<Integer>getAs("last_step"));
    assertNull(run.getAs("final_metric"));
    assertEquals("the aggregate is not finite (k=4)", run.getAs("error"));
    assertEquals(1, rows("steps", "nan").size());
    assertFalse(Files.exists(Path.of(tb(), "evals", "run_id=nan")), "nothing was evaluated");

    // The median keeps the NaN report out: the same fault does not diverge.
    String robust =
        console("robust", "-d dummy -w 4 -gb 64 -f 0 --fault nan -df median --max-steps 5");
    assertTrue(robust.contains("final mse: "), robust);
  }

  @Test
  void localPathsWithSpacesWork() {
    String spaced = dir.resolve("some dir").resolve("res").toString();
    List<String> args =
        List.of(
            "-d",
            "synthetic",
            "-w",
            "4",
            "-gb",
            "128",
            "--max-steps",
            "2",
            "--checkpoint-every",
            "1",
            "--run-id",
            "spaced",
            "-tb",
            spaced);
    assertTrue(CommandRuns.ftsim(args).contains("final accuracy: "));
    assertTrue(Files.isDirectory(Path.of(spaced, "steps", "run_id=spaced")));
    assertEquals(2, SparkTestSession.get().read().parquet(spaced + "/steps/run_id=spaced").count());
  }
}
