package org.ftsim.results;

import java.sql.Timestamp;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * One typed record per result table: the driver fills named fields, and each record alone knows its
 * table and the order of that table's columns ({@link Tables}). A nullable column is a boxed field.
 */
public final class Rows {

  private Rows() {}

  /** {@code value}, or null for a nullable column when it is not finite. */
  public static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /** A row of one of the tables. */
  public sealed interface Result {
    /** The table the row belongs to. */
    Table table();

    /** The row in its table's column order. */
    Row row();
  }

  /** A {@link Table#RUNS} row: one per run, when it ends. */
  public record RunRow(
      String runId,
      Timestamp startedAt,
      Timestamp finishedAt,
      String status,
      String codeVersion,
      String configJson,
      String dataset,
      String arch,
      int workers,
      List<Integer> faulty,
      String fault,
      String defense,
      boolean correct,
      long seed,
      int globalBatchSize,
      int epochs,
      double lr,
      Double finalMetric,
      double wallSeconds,
      Integer lastStep,
      String error)
      implements Result {
    @Override
    public Table table() {
      return Table.RUNS;
    }

    @Override
    public Row row() {
      return RowFactory.create(
          runId,
          startedAt,
          finishedAt,
          status,
          codeVersion,
          configJson,
          dataset,
          arch,
          workers,
          faulty.toArray(new Integer[0]),
          fault,
          defense,
          correct,
          seed,
          globalBatchSize,
          epochs,
          lr,
          finalMetric,
          wallSeconds,
          lastStep,
          error);
    }
  }

  /** A {@link Table#STEPS} row: one per step; milliseconds. */
  public record StepRow(
      String runId,
      int epoch,
      int step,
      double trainLoss,
      double lr,
      int k,
      String phase,
      double gradMs,
      double aggregateMs,
      double stepMs,
      double broadcastMs,
      double computeMs,
      double updateMs)
      implements Result {
    @Override
    public Table table() {
      return Table.STEPS;
    }

    @Override
    public Row row() {
      return RowFactory.create(
          runId,
          epoch,
          step,
          trainLoss,
          lr,
          k,
          phase,
          gradMs,
          aggregateMs,
          stepMs,
          broadcastMs,
          computeMs,
          updateMs);
    }
  }

  /** An {@link Table#EVALS} row: one per evaluation. */
  public record EvalRow(
      String runId,
      int epoch,
      int step,
      String metricName,
      double metric,
      double testLoss,
      double evalMs)
      implements Result {
    @Override
    public Table table() {
      return Table.EVALS;
    }

    @Override
    public Row row() {
      return RowFactory.create(runId, epoch, step, metricName, metric, testLoss, evalMs);
    }
  }

  /** A {@link Table#WORKERS} row: one per worker per step. */
  public record WorkerRow(
      String runId,
      int step,
      int worker,
      int batch,
      int subBatchOf,
      boolean faulty,
      String fault,
      boolean used,
      Double ruleSuspicion,
      Double ruleScore,
      Double gradNorm,
      double loss,
      Double cosToHonestMean,
      boolean corrected,
      Double correctionError,
      Boolean flagged,
      Double suspicion)
      implements Result {
    @Override
    public Table table() {
      return Table.WORKERS;
    }

    @Override
    public Row row() {
      return RowFactory.create(
          runId,
          step,
          worker,
          batch,
          subBatchOf,
          faulty,
          fault,
          used,
          ruleSuspicion,
          ruleScore,
          gradNorm,
          loss,
          cosToHonestMean,
          corrected,
          correctionError,
          flagged,
          suspicion);
    }
  }

  /** A {@link Table#SHARDS} row: how many samples of one label one worker holds. */
  public record ShardRow(String runId, int worker, int label, int count) implements Result {
    @Override
    public Table table() {
      return Table.SHARDS;
    }

    @Override
    public Row row() {
      return RowFactory.create(runId, worker, label, count);
    }
  }

  /** A {@link Table#CORRECTIONS} row: one per corrected gradient. */
  public record CorrectionRow(
      String runId,
      int step,
      int worker,
      String model,
      int fitStep,
      Double trainMse,
      Double trainMape,
      Double trueError,
      double fitMs)
      implements Result {
    @Override
    public Table table() {
      return Table.CORRECTIONS;
    }

    @Override
    public Row row() {
      return RowFactory.create(
          runId, step, worker, model, fitStep, trainMse, trainMape, trueError, fitMs);
    }
  }

  /** A {@link Table#DETECTIONS} row: one per run with a detector, when it ends. */
  public record DetectionRow(
      String runId,
      String detector,
      int steps,
      Double precision,
      Double recall,
      Double f1,
      long trueFlags,
      long falseFlags,
      long missed,
      long honestFlags,
      List<Integer> faultyWorkers,
      List<Integer> delays,
      int detected,
      Double meanDelay,
      long extraGradients)
      implements Result {
    @Override
    public Table table() {
      return Table.DETECTIONS;
    }

    @Override
    public Row row() {
      return RowFactory.create(
          runId,
          detector,
          steps,
          precision,
          recall,
          f1,
          trueFlags,
          falseFlags,
          missed,
          honestFlags,
          faultyWorkers.toArray(new Integer[0]),
          delays.toArray(new Integer[0]),
          detected,
          meanDelay,
          extraGradients);
    }
  }
}
