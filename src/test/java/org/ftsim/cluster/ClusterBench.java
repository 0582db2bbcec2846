package org.ftsim.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Where a step's time goes in {@code local[2]} and on a two-executor loopback standalone cluster
 * (two executor JVMs of one core each): the same {@code train} run (16 workers, fashion-mnist, MLP,
 * no faults) submitted twice through {@code submit/spark-submit.sh} with Spark's event log on. For
 * each, the medians over the steps after the first {@value #WARM_UP}: the steps table's timings,
 * and from the event log the gradient job's slowest task split as Spark's UI does (scheduler delay,
 * task deserialisation, run time, result serialisation, fetching an indirect result) plus the
 * result bytes per task and the driver-side remainder of the job (its wall time minus the slowest
 * task's, which is mostly deserialising the results on the driver). Run by {@code bench/cluster}.
 */
public final class ClusterBench {

  static final int WARM_UP = 10;

  private ClusterBench() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of("").toAbsolutePath();
    Path root = Path.of(args[0]).toAbsolutePath();
    int steps = Integer.parseInt(args[1]);
    List<String> extra = Arrays.asList(args).subList(2, args.length);
    Files.createDirectories(root);
    Map<String, Map<String, Double>> columns = new LinkedHashMap<>();
    columns.put("local[2]", run(project, root, "local", "local[2]", steps, extra));
    try (LoopbackCluster cluster = new LoopbackCluster(project, root.resolve("cluster"), 2, "6g")) {
      columns.put(
          "2 executors × 1 core", run(project, root, "cluster", cluster.masterUrl, steps, extra));
    }
    List<String> names = new ArrayList<>(columns.keySet());
    System.out.printf(
        Locale.ROOT,
        "| median per step, ms | %s | %s |%n|---|---:|---:|%n",
        names.get(0),
        names.get(1));
    for (String row : columns.get(names.get(0)).keySet()) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %.1f |%n",
          row,
          columns.get(names.get(0)).get(row),
          columns.get(names.get(1)).get(row));
    }
  }

  static Map<String, Double> run(
      Path project, Path root, String name, String master, int steps, List<String> extra)
      throws IOException, InterruptedException {
    Path events = root.resolve(name + "-events");
    Files.createDirectories(events);
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(project.resolve("submit/spark-submit.sh").toString());
    command.addAll(
        List.of(
            "--master", master,
            "--conf", "spark.eventLog.enabled=true",
            "--conf", "spark.eventLog.dir=" + events.toUri(),
            "--conf", "spark.driver.host=127.0.0.1",
            "--conf", "spark.driver.bindAddress=127.0.0.1",
            "--conf", "spark.executor.cores=1",
            "--conf", "spark.cores.max=2",
            "--executor-memory", "2g",
            "--driver-memory", "2g"));
    command.addAll(extra);
    command.add("--");
    command.addAll(
        List.of(
            "train",
            "-d",
            "fashion-mnist",
            "--data-dir",
            project.resolve("data").toString(),
            "-w",
            "16",
            "--max-steps",
            String.valueOf(steps),
            "--eval-every",
            "100000",
            "--log-every",
            "100000",
            "--seed",
            "1",
            "-tb",
            root.resolve(name).toString(),
            "--run-id",
            name));
    // More train options (bench/cluster's TRAIN_ARGS), e.g. "-w 256 -gb 8192 --aggregate-on
    // executors": later options win.
    String more = System.getenv("TRAIN_ARGS");
    if (more != null && !more.isBlank()) {
      command.addAll(List.of(more.trim().split("\\s+")));
    }
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectOutput(root.resolve(name + ".out").toFile());
    builder.redirectError(root.resolve(name + ".err").toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process driver = builder.start();
    if (!driver.waitFor(30, TimeUnit.MINUTES) || driver.exitValue() != 0) {
      throw new IllegalStateException(name + " failed; see " + root.resolve(name + ".err"));
    }
    Map<String, Double> result = new LinkedHashMap<>();
    SparkSession spark =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    List<Row> rows =
        spark
            .read()
            .parquet(root.resolve(name).resolve("steps").toString())
            .where("epoch > 1 or step >= " + WARM_UP)
            .selectExpr(
                "percentile(step_ms, 0.5)",
                "percentile(grad_ms, 0.5)",
                "percentile(broadcast_ms, 0.5)",
                "percentile(compute_ms, 0.5)",
                "percentile(aggregate_ms, 0.5)",
                "percentile(update_ms, 0.5)")
            .collectAsList();
    Row r = rows.get(0);
    result.put("step (steps.step_ms)", r.getDouble(0));
    result.put("gradients: broadcast + job (grad_ms)", r.getDouble(1));
    result.put("… parameter broadcast on the driver (broadcast_ms)", r.getDouble(2));
    result.put("… slowest partition's DL4J compute (compute_ms)", r.getDouble(3));
    result.put("faults, defense, metrics (aggregate_ms)", r.getDouble(4));
    result.put("update (update_ms)", r.getDouble(5));
    result.putAll(eventLog(events));
    result.put(
        "task result bytes to the driver per step, MB",
        org.ftsim.driver.ScaleBench.resultBytes(events) / 1e6);
    return result;
  }

  /** Medians over the gradient jobs (after the warm-up) of their slowest task's breakdown. */
  static Map<String, Double> eventLog(Path events) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<Integer, String> jobOfStage = new HashMap<>();
    Map<Integer, long[]> jobTimes = new HashMap<>(); // job → submission, completion
    Map<Integer, String> jobName = new HashMap<>();
    Map<String, List<JsonNode>> tasksOfJob = new HashMap<>();
    Path log;
    try (Stream<Path> files = Files.list(events)) {
      log = files.findFirst().orElseThrow();
    }
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      JsonNode e = json.readTree(line);
      switch (e.path("Event").asText()) {
        case "SparkListenerJobStart" -> {
          int job = e.get("Job ID").asInt();
          jobTimes.put(job, new long[] {e.get("Submission Time").asLong(), 0});
          jobName.put(job, e.path("Properties").path("spark.job.description").asText(""));
          for (JsonNode stage : e.get("Stage IDs")) {
            jobOfStage.put(stage.asInt(), String.valueOf(job));
          }
        }
        case "SparkListenerJobEnd" ->
            jobTimes.get(e.get("Job ID").asInt())[1] = e.get("Completion Time").asLong();
        case "SparkListenerTaskEnd" -> {
          String job = jobOfStage.get(e.get("Stage ID").asInt());
          tasksOfJob.computeIfAbsent(job, j -> new ArrayList<>()).add(e);
        }
        default -> {}
      }
    }
    List<String> names =
        List.of(
            "gradient job, wall (event log)",
            "… slowest task: scheduler delay",
            "… slowest task: deserialisation on the executor",
            "… slowest task: run (broadcast fetch + compute)",
            "… slowest task: result serialisation",
            "… slowest task: fetching an indirect result",
            "… driver's remainder (job − slowest task)",
            "result bytes per task, MB",
            "GC in the slowest task");
    List<double[]> samples = new ArrayList<>();
    for (Map.Entry<Integer, String> job : jobName.entrySet()) {
      String[] step =
          job.getValue().startsWith("gradients ") ? job.getValue().substring(10).split(":") : null;
      if (step == null || (Integer.parseInt(step[0]) == 1 && Integer.parseInt(step[1]) < WARM_UP)) {
        continue;
      }
      long[] times = jobTimes.get(job.getKey());
      JsonNode slowest = null;
      long slowestMs = -1;
      double bytes = 0;
      List<JsonNode> tasks = tasksOfJob.getOrDefault(String.valueOf(job.getKey()), List.of());
      for (JsonNode t : tasks) {
        JsonNode info = t.get("Task Info");
        long ms = info.get("Finish Time").asLong() - info.get("Launch Time").asLong();
        bytes += t.get("Task Metrics").get("Result Size").asDouble();
        if (ms > slowestMs) {
          slowestMs = ms;
          slowest = t;
        }
      }
      JsonNode info = slowest.get("Task Info");
      JsonNode metrics = slowest.get("Task Metrics");
      double deserialize = metrics.get("Executor Deserialize Time").asDouble();
      double run = metrics.get("Executor Run Time").asDouble();
      double serialize = metrics.get("Result Serialization Time").asDouble();
      long gettingStart = info.get("Getting Result Time").asLong();
      double getting = gettingStart > 0 ? info.get("Finish Time").asLong() - gettingStart : 0;
      double delay = Math.max(0, slowestMs - deserialize - run - serialize - getting);
      samples.add(
          new double[] {
            times[1] - times[0],
            delay,
            deserialize,
            run,
            serialize,
            getting,
            (times[1] - times[0]) - slowestMs,
            bytes / tasks.size() / 1e6,
            metrics.get("JVM GC Time").asDouble()
          });
    }
    Map<String, Double> result = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      int column = i;
      double[] values = samples.stream().mapToDouble(s -> s[column]).sorted().toArray();
      result.put(names.get(i), values.length == 0 ? Double.NaN : values[values.length / 2]);
    }
    return result;
  }
}
