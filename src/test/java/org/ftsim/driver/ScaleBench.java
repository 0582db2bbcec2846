package org.ftsim.driver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Issue 16's scaling benchmark: {@code ./ftsim train} on MNIST with the MLP, 32 samples per worker
 * ({@code -gb 32w}), for each (workers, rule, where the rule runs) given, each in its own JVM with
 * the launcher's default heap, its GC log and its Spark event log. Per run, over the steps after
 * the first: the median step time, its gradient part (job, results to the driver) and its rule part
 * (faults, defense and metrics on the driver; on the executors, a distance-based rule's partial
 * distances, selection and second pass), the cost per worker-gradient (step / w), the driver's peak
 * live heap (the largest heap occupancy after a collection, from the GC log), the process's peak
 * resident memory, and the task result bytes the driver received per step (from the event log). Run
 * by {@code bench/scale}; prints a markdown table.
 *
 * <p>Arguments: output folder, steps ({@code STEPS+summarize} to only print the finished runs of
 * the folder again), then configurations {@code W:RULE:MODE} (e.g. {@code 256:median:executors}).
 */
public final class ScaleBench {

  private static final Pattern GC =
      Pattern.compile("GC\\(\\d+\\) Pause .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

  private ScaleBench() {}

  public static void main(String[] args) throws Exception {
    Path project = Path.of("").toAbsolutePath();
    Path root = Path.of(args[0]).toAbsolutePath();
    // "STEPS+summarize": only print the runs already in the folder.
    boolean summarizeOnly = args[1].endsWith("+summarize");
    int steps = Integer.parseInt(args[1].replace("+summarize", ""));
    Files.createDirectories(root);
    System.out.println(
        "| w | rule | on | step ms | gradients ms | rule ms (share) | ms per worker-gradient"
            + " | peak heap after GC, MB | peak RSS MB | results to driver MB/step |");
    System.out.println("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|");
    for (int i = 2; i < args.length; i++) {
      String[] c = args[i].split(":");
      int w = Integer.parseInt(c[0]);
      String id = w + "-" + c[1] + "-" + c[2];
      Path events = root.resolve(id + "-events");
      Files.createDirectories(events);
      List<String> command =
          List.of(
              "/usr/bin/time",
              "-f",
              "%M",
              "-o",
              root.resolve(id + ".rss").toString(),
              project.resolve("ftsim").toString(),
              "train",
              "-d",
              "mnist",
              "-w",
              String.valueOf(w),
              "-gb",
              String.valueOf(32 * w),
              "-df",
              c[1],
              "--aggregate-on",
              c[2],
              "--proc",
              "2",
              "--max-steps",
              String.valueOf(steps),
              "--eval-every",
              "100000",
              "--seed",
              "1",
              "-tb",
              root.resolve("runs").toString(),
              "--run-id",
              id);
      if (summarizeOnly) {
        if (!Files.exists(root.resolve(id + ".rss"))
            || Files.readString(root.resolve(id + ".rss")).isBlank()) {
          continue;
        }
        print(root, id, w, c, steps, events);
        continue;
      }
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().put("OMP_NUM_THREADS", "1");
      builder
          .environment()
          .put(
              "FTSIM_JAVA_OPTS",
              "-Xlog:gc:file="
                  + root.resolve(id + ".gc")
                  + " -Dspark.eventLog.enabled=true -Dspark.eventLog.dir="
                  + events.toUri());
      builder.redirectOutput(root.resolve(id + ".out").toFile());
      builder.redirectError(root.resolve(id + ".err").toFile());
      Process p = builder.start();
      if (!p.waitFor(60, TimeUnit.MINUTES) || p.exitValue() != 0) {
        System.out.printf("| %d | %s | %s | failed: see %s |%n", w, c[1], c[2], root + "/" + id);
        continue;
      }
      print(root, id, w, c, steps, events);
    }
  }

  private static void print(Path root, String id, int w, String[] c, int steps, Path events)
      throws IOException {
    double[] t = timings(root.resolve("runs"), id);
    System.out.printf(
        Locale.ROOT,
        "| %d | %s | %s | %.0f | %.0f | %.0f (%.0f%%) | %.2f | %d | %d | %.1f |%n",
        w,
        c[1],
        c[2],
        t[0],
        t[1],
        t[2],
        100 * t[2] / t[0],
        t[0] / w,
        peakLive(root.resolve(id + ".gc")),
        Long.parseLong(Files.readString(root.resolve(id + ".rss")).strip().split("\n")[0]) / 1024,
        resultBytes(events) / 1e6);
  }

  /** Medians of step_ms, grad_ms and aggregate_ms over the steps after the first. */
  static double[] timings(Path runs, String id) {
    SparkSession spark =
        SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate();
    Row r =
        spark
            .read()
            .parquet(runs.resolve("steps").toString())
            .where("run_id = '" + id + "' and step > 1")
            .selectExpr(
                "percentile(step_ms, 0.5)",
                "percentile(grad_ms, 0.5)",
                "percentile(aggregate_ms, 0.5)")
            .collectAsList()
            .get(0);
    return new double[] {r.getDouble(0), r.getDouble(1), r.getDouble(2)};
  }

  /** The largest heap occupancy after a collection, MB. */
  static long peakLive(Path gcLog) throws IOException {
    long peak = 0;
    for (String line : Files.readAllLines(gcLog, StandardCharsets.UTF_8)) {
      Matcher m = GC.matcher(line);
      if (m.find()) {
        peak = Math.max(peak, Long.parseLong(m.group(2)));
      }
    }
    return peak;
  }

  /** The task result bytes per step of the steps' jobs, the first step's left out. */
  public static double resultBytes(Path events) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<Integer, String> jobOfStage = new HashMap<>();
    Map<String, String> description = new HashMap<>();
    List<JsonNode> tasks = new ArrayList<>();
    Path log;
    try (Stream<Path> files = Files.list(events)) {
      log = files.findFirst().orElseThrow();
    }
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      JsonNode e = json.readTree(line);
      switch (e.path("Event").asText()) {
        case "SparkListenerJobStart" -> {
          String job = e.get("Job ID").asText();
          description.put(job, e.path("Properties").path("spark.job.description").asText(""));
          for (JsonNode stage : e.get("Stage IDs")) {
            jobOfStage.put(stage.asInt(), job);
          }
        }
        case "SparkListenerTaskEnd" -> tasks.add(e);
        default -> {}
      }
    }
    double bytes = 0;
    java.util.Set<String> steps = new java.util.HashSet<>();
    Pattern stepJob =
        Pattern.compile(
            "^(gradients|aggregate on executors|aggregate selected|report summaries)"
                + " (\\d+:\\d+)$");
    for (JsonNode t : tasks) {
      String d = description.getOrDefault(jobOfStage.get(t.get("Stage ID").asInt()), "");
      Matcher m = stepJob.matcher(d);
      if (m.find() && !m.group(2).equals("1:0")) {
        bytes += t.get("Task Metrics").get("Result Size").asDouble();
        steps.add(m.group(2));
      }
    }
    return steps.isEmpty() ? 0 : bytes / steps.size();
  }
}
