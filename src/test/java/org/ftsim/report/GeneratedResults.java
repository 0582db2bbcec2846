package org.ftsim.report;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ftsim.config.SimulationConfig;
import org.ftsim.driver.Simulation;
import org.ftsim.results.Tables;

/**
 * Writes plausible result tables of many runs without training them, with the schemas of {@link
 * Tables}, for the report's benchmark and its query tests. Run r ({@code gen-000}, {@code gen-001},
 * …) has 16 workers or fewer, the first 5 of them faulty (fewer when there are fewer workers),
 * defense {@code DEFENSES[r % 5]} (corrected instead of defended when that is {@code mean}), fault
 * {@code FAULTS[r / 5 % 4]} and seed {@code r / 20 + 1}; losses decay, the test accuracy rises with
 * an evaluation every 50 steps, faulty norms are 10× the honest ones, and correction cycles one
 * replica step and ten corrected ones.
 *
 * <p>{@code main(DIR [RUNS STEPS WORKERS])} writes them under DIR (default 100 runs × 1000 steps ×
 * 16 workers), as {@code bench/report} does.
 */
final class GeneratedResults {

  static final String[] DEFENSES = {"mean", "median", "krum", "trimmed-mean", "drop"};
  static final String[] FAULTS = {"scale:10", "gaussian:1", "signflip", "alie"};

  private GeneratedResults() {}

  /**
   * Writes {@code runs} runs of {@code steps} steps and {@code workers} workers under {@code dir}.
   */
  static void write(SparkSession spark, String dir, int runs, int steps, int workers) {
    int faulty = Math.min(5, workers - 1);
    String run = "CAST(id DIV %d AS INT)";
    String defense = "element_at(array('mean','median','krum','trimmed-mean','drop'), r % 5 + 1)";
    String correct = "(r % 5 = 0)";
    String phase = "IF(" + correct + ", IF((step - 1) % 11 = 0, 'replica', 'corrected'), 'normal')";
    String k =
        String.format(
            "CAST(CASE WHEN %s THEN IF((step - 1) %% 11 = 0, %d, %d)"
                + " WHEN r %% 5 IN (1, 2) THEN 1 WHEN r %% 5 = 3 THEN %d ELSE %d END AS INT)",
            correct, workers - faulty, workers, workers - 2 * faulty, workers - faulty);

    Dataset<Row> stepRows =
        spark
            .range((long) runs * steps)
            .withColumn("r", expr(String.format(run, steps)))
            .withColumn("step", expr("CAST(id % " + steps + " + 1 AS INT)"))
            .withColumn("k", expr(k));
    write(
        stepRows,
        Tables.STEPS,
        dir + "/steps",
        "CAST((step - 1) DIV 117 + 1 AS INT) AS epoch",
        "2.3 * exp(-step / (150.0 + 40 * (r % 5))) + 0.2 + 0.03 * randn(1) AS train_loss",
        "0.001 * sqrt(k) AS lr",
        phase + " AS phase",
        "100 + 10 * rand(2) AS grad_ms",
        "5 + rand(3) AS aggregate_ms",
        "110 + 10 * rand(4) AS step_ms",
        "4.0 AS broadcast_ms",
        "75 + 5 * rand(5) AS compute_ms",
        "0.3 AS update_ms");

    int evals = steps / 50;
    Dataset<Row> evalRows =
        spark
            .range((long) runs * evals)
            .withColumn("r", expr(String.format(run, evals)))
            .withColumn("step", expr("CAST((id % " + evals + " + 1) * 50 AS INT)"));
    write(
        evalRows,
        Tables.EVALS,
        dir + "/evals",
        "CAST((step - 1) DIV 117 + 1 AS INT) AS epoch",
        "'accuracy' AS metric_name",
        "0.88 - 0.6 * exp(-step / 150.0) - 0.04 * (r % 5) + 0.01 * randn(6) AS metric",
        "0.3 + 2 * exp(-step / 150.0) AS test_loss",
        "1200 + 100 * rand(7) AS eval_ms");

    Dataset<Row> workerRows =
        spark
            .range((long) runs * steps * workers)
            .withColumn("r", expr(String.format(run, (long) steps * workers)))
            .withColumn("step", expr("CAST(id DIV " + workers + " % " + steps + " + 1 AS INT)"))
            .withColumn("worker", expr("CAST(id % " + workers + " AS INT)"))
            .withColumn("faulty", expr("worker < " + faulty))
            .withColumn("corrected", expr("faulty AND " + phase + " = 'corrected'"));
    Dataset<Row> workerTable =
        write(
            workerRows,
            Tables.WORKERS,
            dir + "/workers",
            "CAST(512 DIV " + workers + " AS INT) AS batch",
            "worker AS sub_batch_of",
            "IF(faulty, element_at(array('scale:10','gaussian:1','signflip','alie'),"
                + " CAST(r DIV 5 % 4 + 1 AS INT)), NULL) AS fault",
            "NOT faulty OR corrected AS used",
            "IF(NOT faulty OR corrected, 0.2 * rand(15), 1.0) AS rule_suspicion",
            "CAST(NULL AS DOUBLE) AS rule_score",
            "0.5 * exp(-step / 300.0) * (1 + 0.2 * randn(8)) * IF(faulty, 10, 1) AS grad_norm",
            "2.3 * exp(-step / 150.0) + 0.2 + 0.1 * randn(9) AS loss",
            "IF(faulty, 0.2, 0.8) + 0.1 * rand(10) AS cos_to_honest_mean",
            "IF(corrected, 0.05 + 0.01 * rand(11), NULL) AS correction_error",
            "CAST(NULL AS BOOLEAN) AS flagged",
            "CAST(NULL AS DOUBLE) AS suspicion");

    write(
        workerTable.where("corrected"),
        Tables.CORRECTIONS,
        dir + "/corrections",
        "'linear' AS model",
        "CAST(step - (step - 1) % 11 AS INT) AS fit_step",
        "1e-6 * rand(12) AS train_mse",
        "0.1 * rand(13) AS train_mape",
        "correction_error AS true_error",
        "20 + 10 * rand(14) AS fit_ms");

    List<Row> runRows = new ArrayList<>();
    for (int r = 0; r < runs; r++) {
      runRows.add(runRow(r, steps, workers, faulty));
    }
    spark
        .createDataFrame(runRows, Tables.RUNS)
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .partitionBy("run_id")
        .parquet(dir + "/runs");
  }

  /**
   * Completes {@code rows} (which hold {@code r} and some of the table's columns) with {@code
   * columns}, writes them with the table's schema and returns what was written.
   */
  private static Dataset<Row> write(
      Dataset<Row> rows, StructType schema, String path, String... columns) {
    Dataset<Row> all =
        rows.withColumn("run_id", expr("format_string('gen-%03d', r)"))
            .selectExpr(withStar(columns));
    Column[] typed =
        Arrays.stream(schema.fields())
            .map(f -> col(f.name()).cast(f.dataType()).as(f.name()))
            .toArray(Column[]::new);
    Dataset<Row> table = all.select(typed);
    // One file per run, as one flush of a real run writes.
    table
        .repartition(col("run_id"))
        .write()
        .mode(SaveMode.Append)
        .partitionBy("run_id")
        .parquet(path);
    return all;
  }

  private static String[] withStar(String[] columns) {
    String[] out = new String[columns.length + 1];
    out[0] = "*";
    System.arraycopy(columns, 0, out, 1, columns.length);
    return out;
  }

  private static Row runRow(int r, int steps, int workers, int faulty) {
    String defense = DEFENSES[r % 5];
    boolean correct = defense.equals("mean");
    String fault = FAULTS[r / 5 % 4];
    long seed = r / 20 + 1;
    String id = String.format("gen-%03d", r);
    SimulationConfig defaults = SimulationConfig.defaults();
    ObjectNode config =
        (ObjectNode) readTree(Simulation.json(defaults.withRun(defaults.run().withRunId(id))));
    ((ObjectNode) config.get("data")).put("dataset", "fashion-mnist").put("workers", workers);
    ((ObjectNode) config.get("training")).put("arch", "mlp");
    ((ObjectNode) config.get("defense")).put("defense", defense);
    ((ObjectNode) config.get("run")).put("seed", seed).put("maxSteps", steps);
    ObjectNode faults = (ObjectNode) config.get("faults");
    faults.put("fault", fault).putArray("faulty").addAll(faultyArray(faulty));
    ((ObjectNode) config.get("correction")).put("enabled", correct);
    double accuracy = 0.88 - 0.6 * Math.exp(-steps / 150.0) - 0.04 * (r % 5);
    long start = 1_700_000_000_000L + r * 60_000L;
    return RowFactory.create(
        id,
        new Timestamp(start),
        new Timestamp(start + steps * 115L),
        "finished",
        "dev",
        config.toString(),
        "fashion-mnist",
        "mlp",
        workers,
        IntStream.range(0, faulty).boxed().toArray(Integer[]::new),
        fault,
        defense,
        correct,
        seed,
        512,
        1,
        0.001,
        accuracy,
        steps * 0.115,
        steps,
        null);
  }

  private static List<JsonNode> faultyArray(int faulty) {
    List<JsonNode> out = new ArrayList<>();
    for (int i = 0; i < faulty; i++) {
      out.add(IntNode.valueOf(i));
    }
    return out;
  }

  private static JsonNode readTree(String json) {
    try {
      return new ObjectMapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code DIR [RUNS STEPS WORKERS]}: writes the tables under DIR (which must not exist yet). */
  public static void main(String[] args) {
    if (args.length != 1 && args.length != 4) {
      System.err.println("usage: GeneratedResults DIR [RUNS STEPS WORKERS]");
      System.exit(2);
    }
    int runs = args.length == 4 ? Integer.parseInt(args[1]) : 100;
    int steps = args.length == 4 ? Integer.parseInt(args[2]) : 1000;
    int workers = args.length == 4 ? Integer.parseInt(args[3]) : 16;
    SparkSession spark =
        SparkSession.builder()
            .master("local[*]")
            .appName("ftsim generated results")
            .config("spark.ui.enabled", "false")
            .getOrCreate();
    long start = System.nanoTime();
    write(spark, args[0], runs, steps, workers);
    System.out.printf(
        "wrote %d runs × %d steps × %d workers under %s in %.1f s%n",
        runs, steps, workers, args[0], (System.nanoTime() - start) / 1e9);
    spark.stop();
  }
}
