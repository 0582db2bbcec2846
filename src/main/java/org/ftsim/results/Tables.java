package org.ftsim.results;

import static org.apache.spark.sql.types.DataTypes.BooleanType;
import static org.apache.spark.sql.types.DataTypes.DoubleType;
import static org.apache.spark.sql.types.DataTypes.IntegerType;
import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;
import static org.apache.spark.sql.types.DataTypes.TimestampType;
import static org.apache.spark.sql.types.DataTypes.createArrayType;

import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The schemas of the result tables (SPEC §8), listed with their keys by {@link Table}. */
public final class Tables {

  /**
   * One row per run, written when it ends: status {@code finished}, {@code failed} (the tool's
   * error, in {@code error}) or {@code diverged} (the experiment's outcome: the parameters or the
   * aggregate became non-finite at {@code last_step}, the cause in {@code error}; {@code
   * final_metric} is null, since the run did not train to the end); runs read from TensorBoard
   * event files by {@code ftsim import-tensorboard} are {@code imported}.
   */
  public static final StructType RUNS =
      schema(
          field("run_id", StringType, false),
          field("started_at", TimestampType, false),
          field("finished_at", TimestampType, false),
          field("status", StringType, false),
          field("code_version", StringType, false),
          field("config_json", StringType, false),
          field("dataset", StringType, false),
          field("arch", StringType, false),
          field("workers", IntegerType, false),
          field("faulty", createArrayType(IntegerType, false), false),
          field("fault", StringType, true),
          field("defense", StringType, false),
          field("correct", BooleanType, false),
          field("seed", LongType, false),
          field("global_batch_size", IntegerType, false),
          field("epochs", IntegerType, false),
          field("lr", DoubleType, false),
          field("final_metric", DoubleType, true),
          field("wall_s", DoubleType, false),
          field("last_step", IntegerType, true),
          field("error", StringType, true));

  /** One row per step. Timings in milliseconds. */
  public static final StructType STEPS =
      schema(
          field("run_id", StringType, false),
          field("epoch", IntegerType, false),
          field("step", IntegerType, false),
          field("train_loss", DoubleType, false),
          field("lr", DoubleType, false),
          field("k", IntegerType, false),
          field("phase", StringType, false),
          field("grad_ms", DoubleType, false),
          field("aggregate_ms", DoubleType, false),
          field("step_ms", DoubleType, false),
          field("broadcast_ms", DoubleType, false),
          field("compute_ms", DoubleType, false),
          field("update_ms", DoubleType, false));

  /** One row per evaluation. */
  public static final StructType EVALS =
      schema(
          field("run_id", StringType, false),
          field("epoch", IntegerType, false),
          field("step", IntegerType, false),
          field("metric_name", StringType, false),
          field("metric", DoubleType, false),
          field("test_loss", DoubleType, false),
          field("eval_ms", DoubleType, false));

  /**
   * One row per worker per step; {@code rule_suspicion} is the share of the report the defense
   * discarded and {@code rule_score} the rule's own score of it (both null when nothing arrived;
   * the score also for rules without one); {@code flagged} and {@code suspicion} are the detector's
   * (null without {@code --detect}; suspicion null also when nothing arrived).
   */
  public static final StructType WORKERS =
      schema(
          field("run_id", StringType, false),
          field("step", IntegerType, false),
          field("worker", IntegerType, false),
          field("batch", IntegerType, false),
          field("sub_batch_of", IntegerType, false),
          field("faulty", BooleanType, false),
          field("fault", StringType, true),
          field("used", BooleanType, false),
          field("rule_suspicion", DoubleType, true),
          field("rule_score", DoubleType, true),
          field("grad_norm", DoubleType, true),
          field("loss", DoubleType, false),
          field("cos_to_honest_mean", DoubleType, true),
          field("corrected", BooleanType, false),
          field("correction_error", DoubleType, true),
          field("flagged", BooleanType, true),
          field("suspicion", DoubleType, true));

  /** The label histogram of each worker's share of the training set, written when a run starts. */
  public static final StructType SHARDS =
      schema(
          field("run_id", StringType, false),
          field("worker", IntegerType, false),
          field("label", IntegerType, false),
          field("count", IntegerType, false));

  /**
   * One row per corrected gradient: the model that corrected it (and its fit) and the true error,
   * ‖weight·prediction − honest‖ / ‖honest‖ against the worker's honest gradient on its own batch.
   */
  public static final StructType CORRECTIONS =
      schema(
          field("run_id", StringType, false),
          field("step", IntegerType, false),
          field("worker", IntegerType, false),
          field("model", StringType, false),
          field("fit_step", IntegerType, false),
          field("train_mse", DoubleType, true),
          field("train_mape", DoubleType, true),
          field("true_error", DoubleType, true),
          field("fit_ms", DoubleType, false));

  /**
   * One row per run with a detector ({@code --detect}), written when it ends: its flags scored
   * against the truth over the worker-steps whose reports arrived, positive when the worker
   * misbehaved at that step. {@code delays} holds, for each of {@code faulty_workers}, the steps
   * from its first misbehaviour to its first correct flag (null: never caught); {@code
   * honest_flags} counts flags of workers that are not faulty at all; {@code extra_gradients} the
   * gradients detection computed on top of the run's.
   */
  public static final StructType DETECTIONS =
      schema(
          field("run_id", StringType, false),
          field("detector", StringType, false),
          field("steps", IntegerType, false),
          field("precision", DoubleType, true),
          field("recall", DoubleType, true),
          field("f1", DoubleType, true),
          field("true_flags", LongType, false),
          field("false_flags", LongType, false),
          field("missed", LongType, false),
          field("honest_flags", LongType, false),
          field("faulty_workers", createArrayType(IntegerType, false), false),
          field("delays", createArrayType(IntegerType, true), false),
          field("detected", IntegerType, false),
          field("mean_delay", DoubleType, true),
          field("extra_gradients", LongType, false));

  private Tables() {}

  private static StructType schema(StructField... fields) {
    return new StructType(fields);
  }

  private static StructField field(
      String name, org.apache.spark.sql.types.DataType type, boolean nullable) {
    return new StructField(name, type, nullable, Metadata.empty());
  }
}
