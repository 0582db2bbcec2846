package org.ftsim.cluster;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The per-step breakdown of one finished {@code train} run, run by {@code bench/step}: from its
 * {@code steps} table (median and mean per step), from Spark's event log (the gradient job's
 * slowest task split into scheduler delay / deserialisation / run / result serialisation, and the
 * driver's remainder of the job: receiving and deserialising the results), a timing of the driver's
 * decoding of one step's gradient bytes into floats (the same copy as {@code
 * WorkerGradient.values()}, 16 workers in parallel), and from the console and the process's wall
 * time, evaluation and start-up.
 *
 * <p>Arguments: the run's table folder ({@code -tb}), its event-log folder, its console file, the
 * whole process's wall seconds, the number of workers, and the parameter count.
 */
public final class StepBench {

  private StepBench() {}

  public static void main(String[] args) throws Exception {
    Path tables = Path.of(args[0]);
    Path events = Path.of(args[1]);
    String console = Files.readString(Path.of(args[2]), StandardCharsets.UTF_8);
    double wallS = Double.parseDouble(args[3]);
    int workers = Integer.parseInt(args[4]);
    int params = Integer.parseInt(args[5]);
    SparkSession spark =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    spark.sparkContext().setLogLevel("ERROR");
    Row r =
        spark
            .read()
            .parquet(tables.resolve("steps").toString())
            .selectExpr(
                "count(*)",
                "percentile(step_ms, 0.5)",
                "avg(step_ms)",
                "sum(step_ms)",
                "percentile(grad_ms, 0.5)",
                "avg(grad_ms)",
                "percentile(broadcast_ms, 0.5)",
                "avg(broadcast_ms)",
                "percentile(compute_ms, 0.5)",
                "avg(compute_ms)",
                "percentile(aggregate_ms, 0.5)",
                "avg(aggregate_ms)",
                "percentile(update_ms, 0.5)",
                "avg(update_ms)",
                "percentile(step_ms - grad_ms - aggregate_ms - update_ms, 0.5)",
                "avg(step_ms - grad_ms - aggregate_ms - update_ms)",
                "percentile(grad_ms - broadcast_ms - compute_ms, 0.5)",
                "avg(grad_ms - broadcast_ms - compute_ms)",
                "percentile(step_ms - compute_ms, 0.5)",
                "avg(step_ms - compute_ms)",
                "percentile((step_ms - compute_ms) / compute_ms, 0.5)",
                "sum(step_ms - compute_ms) / sum(compute_ms)")
            .collectAsList()
            .get(0);
    long steps = r.getLong(0);
    Map<String, double[]> rows = new LinkedHashMap<>();
    rows.put("step (step_ms)", new double[] {r.getDouble(1), r.getDouble(2)});
    rows.put("gradients on Spark (grad_ms)", new double[] {r.getDouble(4), r.getDouble(5)});
    rows.put(
        "… gradient compute, slowest partition (compute_ms)",
        new double[] {r.getDouble(8), r.getDouble(9)});
    rows.put("… parameter broadcast (broadcast_ms)", new double[] {r.getDouble(6), r.getDouble(7)});
    rows.put(
        "… Spark overhead of the job (grad − broadcast − compute)",
        new double[] {r.getDouble(16), r.getDouble(17)});
    rows.put(
        "driver: decode, faults, defense, metrics (aggregate_ms)",
        new double[] {r.getDouble(10), r.getDouble(11)});
    rows.put("driver: update (update_ms)", new double[] {r.getDouble(12), r.getDouble(13)});
    rows.put(
        "driver: rows and the rest (step − grad − aggregate − update)",
        new double[] {r.getDouble(14), r.getDouble(15)});
    // Issue 15's measure, step by step: a column's median less another's is not the median of the
    // difference when the steps' times have a long tail (a slow step is slow in both columns).
    double beyondMedian = r.getDouble(18);
    double beyondMean = r.getDouble(19);
    double shareMedian = r.getDouble(20);
    double shareOverall = r.getDouble(21);
    spark.stop();

    System.out.printf(Locale.ROOT, "steps: %d%n%n| per step, ms | median | mean |%n", steps);
    System.out.println("|---|---:|---:|");
    rows.forEach(
        (name, v) -> System.out.printf(Locale.ROOT, "| %s | %.1f | %.1f |%n", name, v[0], v[1]));
    System.out.printf(
        Locale.ROOT,
        "%nSpark and the driver beyond the slowest partition's compute (step − compute, step by"
            + " step): median %.1f ms, mean %.1f ms; median share of the step's compute %.1f%%,"
            + " over the run %.1f%%%n",
        beyondMedian,
        beyondMean,
        100 * shareMedian,
        100 * shareOverall);
    System.out.println();
    Map<String, Double> log = ClusterBench.eventLog(events);
    if (log.values().stream().allMatch(v -> Double.isNaN(v))) {
      // A local master runs the tasks inline (InlineTasks): no gradient job in the event log.
      System.out.println(
          "No gradient jobs in the event log: the tasks ran inline (a local master);"
              + " FTSIM_JAVA_OPTS=-Dspark.ftsim.inlineTasks=false bench/step runs them as Spark"
              + " jobs.");
    } else {
      System.out.println("| Spark overhead of a gradient job (event log, median), ms | |");
      System.out.println("|---|---:|");
      // Event-log times are whole milliseconds. In local mode a task's finish time is taken once
      // the driver has received and deserialised its result, so the scheduler delay holds the
      // launch and the hand-over of the result bytes.
      Map<String, String> label =
          Map.of(
              "… slowest task: scheduler delay",
              "… launch and result hand-over (slowest task's scheduler delay)",
              "… slowest task: deserialisation on the executor",
              "… launch: task deserialisation on the executor",
              "… slowest task: run (broadcast fetch + compute)",
              "… slowest task's run (broadcast fetch + compute)",
              "… slowest task: result serialisation",
              "… result serialisation on the executor",
              "… slowest task: fetching an indirect result",
              "… result transfer through the block manager (indirect results)",
              "… driver's remainder (job − slowest task)",
              "… driver's remainder (job − slowest task: the other results)");
      log.forEach(
          (name, v) ->
              System.out.printf(Locale.ROOT, "| %s | %.2f |%n", label.getOrDefault(name, name), v));
      System.out.printf(
          Locale.ROOT,
          "| decode of %d gradients into floats on the driver (timed here) | %.2f |%n",
          workers,
          decodeMs(workers, params));
    }
    System.out.println();
    Matcher eval = Pattern.compile("evaluation ([0-9.]+) s in all").matcher(console);
    double evalS = eval.find() ? Double.parseDouble(eval.group(1)) : Double.NaN;
    double stepsS = r.getDouble(3) / 1000;
    System.out.printf(
        Locale.ROOT,
        "| whole run, s | |%n|---|---:|%n| wall time of the process | %.1f |%n"
            + "| steps (Σ step_ms) | %.1f |%n| evaluations | %.1f |%n"
            + "| start-up and shut-down (the rest: JVM, Spark, data, writing tables) | %.1f |%n",
        wallS,
        stepsS,
        evalS,
        wallS - stepsS - evalS);
  }

  /** Median milliseconds to decode {@code workers} gradients of {@code n} floats, in parallel. */
  static double decodeMs(int workers, int n) {
    byte[][] bytes = new byte[workers][n * Float.BYTES];
    float[][] out = new float[workers][];
    double[] times = new double[50];
    for (int rep = 0; rep < times.length; rep++) {
      long t0 = System.nanoTime();
      IntStream.range(0, workers)
          .parallel()
          .forEach(
              w -> {
                float[] v = new float[n];
                ByteBuffer.wrap(bytes[w]).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(v);
                out[w] = v;
              });
      times[rep] = (System.nanoTime() - t0) / 1e6;
    }
    java.util.Arrays.sort(times);
    return times[times.length / 2];
  }
}
