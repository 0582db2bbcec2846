package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -df fltrust --root-samples N} through the real command: it trains where the mean fails
 * under a sign-flipping attack and never uses the flipped reports; one seed gives the same bits
 * with 1 and 2 processes (an adaptive attack querying FLTrust with the step's root gradient); and a
 * run killed after its checkpoint and resumed ends as the run never killed.
 */
class FlTrustEndToEndTest {

  @TempDir Path dir;

  /** 6 workers, 2 of them flipping their gradient ×4: 11 steps an epoch (2048 / 192), 2 epochs. */
  static final String ATTACKED =
      "-d synthetic -w 6 -f 0 1 --fault signflip:4 -gb 192 -e 2 --seed 7";

  private String tb() {
    return dir.resolve("runs").toString();
  }

  private List<String> args(String base, String runId, String extra) {
    List<String> args = new ArrayList<>(Arrays.asList((base + " " + extra).trim().split("\\s+")));
    args.addAll(List.of("--run-id", runId, "-tb", tb()));
    return args;
  }

  private List<Row> rows(String table, String runId, String order) {
    SparkSession spark = SparkTestSession.get();
    return spark
        .read()
        .parquet(dir.resolve("runs").resolve(table).toString())
        .where("run_id = '" + runId + "'")
        .orderBy(Arrays.stream(order.split(",")).map(functions::col).toArray(Column[]::new))
        .collectAsList();
  }

  private List<Double> column(String table, String runId, String column, String order) {
    return rows(table, runId, order).stream().map(r -> r.<Double>getAs(column)).toList();
  }

  private double finalAccuracy(String runId) {
    List<Double> metric = column("evals", runId, "metric", "step");
    return metric.get(metric.size() - 1);
  }

  @Test
  void fltrustTrainsUnderSignFlipWhereTheMeanDoesNotAndNeverUsesTheFlippedReports() {
    SparkTestSession.get();
    CommandRuns.ftsim(args(ATTACKED, "fltrust", "-df fltrust --root-samples 64 --proc 2"));
    CommandRuns.ftsim(args(ATTACKED, "mean", "-df mean --proc 2"));
    double fltrust = finalAccuracy("fltrust");
    double mean = finalAccuracy("mean");
    assertTrue(fltrust > 0.8, "fltrust trains: accuracy " + fltrust);
    assertTrue(fltrust > mean + 0.2, "fltrust " + fltrust + " vs mean " + mean);
    assertNotEquals(
        column("steps", "fltrust", "train_loss", "step"),
        column("steps", "mean", "train_loss", "step"));
    List<Row> steps = rows("steps", "fltrust", "step");
    assertEquals(22, steps.size());
    for (Row s : steps) {
      int k = s.getAs("k");
      assertTrue(k >= 1 && k <= 4, "k counts the honest reports with trust > 0: " + k);
    }
    int honestUsed = 0;
    for (Row w : rows("workers", "fltrust", "step,worker")) {
      int worker = w.getAs("worker");
      boolean used = w.getAs("used");
      if (worker < 2) {
        assertFalse(used, "the flipped report of worker " + worker + " at step " + w.getAs("step"));
      } else {
        honestUsed += used ? 1 : 0;
      }
    }
    assertTrue(honestUsed > 66, "most honest reports point along the root gradient: " + honestUsed);
  }

  @Test
  void sameBitsWhateverTheProcessCountUnderAnAdaptiveAttack() {
    SparkTestSession.get();
    String base =
        "-d synthetic -w 5 -f 1 --fault optimal:ipm -df fltrust --root-samples 32 -gb 160 -e 1"
            + " --max-steps 6 --eval-every 3 --seed 5";
    CommandRuns.ftsim(args(base, "p1", "--proc 1"));
    CommandRuns.ftsim(args(base, "p2", "--proc 2"));
    CommandRuns.ftsim(args(base, "other", "--proc 2 --root-samples 33"));
    List<Double> loss = column("steps", "p1", "train_loss", "step");
    assertEquals(6, loss.size());
    assertEquals(loss, column("steps", "p2", "train_loss", "step"));
    assertEquals(column("evals", "p1", "metric", "step"), column("evals", "p2", "metric", "step"));
    assertEquals(
        column("workers", "p1", "grad_norm", "step,worker"),
        column("workers", "p2", "grad_norm", "step,worker"));
    assertEquals(
        rows("workers", "p1", "step,worker").stream().map(r -> r.getAs("used")).toList(),
        rows("workers", "p2", "step,worker").stream().map(r -> r.getAs("used")).toList());
    // Another root set, another root gradient: the faulty report (its line search against
    // FLTrust) and the update change.
    assertNotEquals(
        column("workers", "p2", "grad_norm", "step,worker"),
        column("workers", "other", "grad_norm", "step,worker"));
  }

  @Test
  void aResumedRunEndsAsTheRunNeverKilled() {
    SparkTestSession.get();
    String base = ATTACKED + " -df fltrust --root-samples 64 --proc 2 --checkpoint-every 3";
    CommandRuns.ftsim(args(base, "whole", "--max-steps 8"));
    CommandRuns.killedAt(
        "EP: 1/2, sub-batch: 5/", args(base, "cut", "--max-steps 8").toArray(new String[0]));
    String resumed = CommandRuns.ftsim(List.of("--resume", "cut", "-tb", tb()));
    assertTrue(resumed.contains("resuming cut from step 3"), resumed);
    assertEquals(
        column("steps", "whole", "train_loss", "step"),
        column("steps", "cut", "train_loss", "step"));
    assertEquals(8, column("steps", "cut", "train_loss", "step").size());
    assertEquals(
        column("evals", "whole", "metric", "step"), column("evals", "cut", "metric", "step"));
    assertEquals(
        column("workers", "whole", "grad_norm", "step,worker"),
        column("workers", "cut", "grad_norm", "step,worker"));
  }
}
