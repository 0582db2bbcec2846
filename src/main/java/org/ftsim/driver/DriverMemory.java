package org.ftsim.driver;

import java.util.Locale;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.Dataset;
import org.ftsim.data.Features;
import org.ftsim.data.TrainTest;
import org.ftsim.spark.SparkWorkers;

/**
 * What one step of a run holds on the driver's heap at its peak, estimated before the first step so
 * that a run too large for the heap fails at once with one line instead of an {@code
 * OutOfMemoryError} in the middle of a step.
 *
 * <p>Per step the driver holds the n × d matrix of honest gradients once (decoded as each task's
 * results arrive), a new array for each faulty worker's report, a few d-vectors (parameters,
 * optimizer state, the honest mean of the metrics), the gradient tasks' results in flight (each at
 * most {@link SparkWorkers#gradientTasks 32 MB}, serialized and decoded), four n × n matrices of
 * doubles for the distance-based rules (distances, their sum, a window of chunk Gram matrices), and
 * the datasets twice (loaded and broadcast); plus a fixed {@link #BASE_BYTES} for Spark, DL4J and
 * the JIT:
 *
 * <pre>bytes ≈ 4d (n + f + 8) + 2 · (cores + 4) · task + 32 n² + 2 · data + BASE</pre>
 */
public final class DriverMemory {

  /** Heap taken by Spark, DL4J, the code and the console before any step. */
  static final long BASE_BYTES = 256L << 20;

  /** d-vectors besides the matrix: parameters, optimizer state, means, statistics. */
  static final int VECTORS = 8;

  /** Task results a local driver may hold besides the running ones (Spark's 4 result getters). */
  static final int RESULT_GETTERS = 4;

  private DriverMemory() {}

  /** Bytes of one worker's gradient of {@code parameters} floats (its row of the matrix). */
  static long perWorker(long parameters) {
    return Float.BYTES * parameters;
  }

  /**
   * The estimated peak of one step on the driver's heap.
   *
   * @param workers n
   * @param faulty f, the workers whose reports may be new arrays
   * @param parameters d
   * @param cores the partitions (tasks that run at once)
   * @param dataBytes the train and test sets' bytes in memory
   */
  static long estimate(int workers, int faulty, long parameters, int cores, long dataBytes) {
    long matrix = perWorker(parameters) * ((long) workers + faulty + VECTORS);
    int tasks = SparkWorkers.gradientTasks(workers, cores, parameters);
    long perTask = perWorker(parameters) * ((workers + tasks - 1) / tasks);
    long inFlight = 2L * (Math.min(cores, tasks) + RESULT_GETTERS) * perTask;
    long distances = 4L * Double.BYTES * workers * (long) workers;
    return matrix
        + Math.min(inFlight, 2 * perWorker(parameters) * workers)
        + distances
        + 2 * dataBytes
        + BASE_BYTES;
  }

  /** The bytes a dataset takes in memory (features, labels, targets). */
  static long bytes(Dataset data) {
    long features =
        data.features() instanceof Features.Bytes b
            ? b.pixels().length
            : (long) Float.BYTES * ((Features.Floats) data.features()).values().length;
    long labels = data.labels() != null ? data.labels().length : 0;
    long targets = data.targets() != null ? (long) Float.BYTES * data.targets().length : 0;
    return features + labels + targets;
  }

  /**
   * {@link #check(int, int, long, int, long, long)} for a run about to start in this JVM: its
   * workers, faulty workers, parameters and datasets against this JVM's maximum heap.
   */
  public static void check(SimulationConfig config, Components parts, TrainTest data) {
    Run run = Run.of(config, parts, data);
    if (config.defense().onExecutors()) {
      long need = estimateOnExecutors(run.n(), run.d(), run.cores(), run.dataBytes());
      refuseAbove(need, Runtime.getRuntime().maxMemory(), run.n(), run.d());
      return;
    }
    check(
        run.n(), run.f(), run.d(), run.cores(), run.dataBytes(), Runtime.getRuntime().maxMemory());
  }

  /**
   * What the estimates need to know of a run: n, f, d, the partitions at once, the data's bytes.
   */
  private record Run(int n, int f, long d, int cores, long dataBytes) {
    static Run of(SimulationConfig config, Components parts, TrainTest data) {
      int proc = config.run().proc();
      int cores = proc > 0 ? proc : Runtime.getRuntime().availableProcessors();
      int n = config.workers();
      return new Run(
          n,
          parts.faults().faultyCount(),
          parts.initial().length,
          Math.min(cores, n),
          bytes(data.train()) + bytes(data.test()));
    }
  }

  /**
   * Whether this JVM's heap holds a step's peak ({@link #estimate}) and the previous step's reports
   * besides: then the pipeline computes a step's workers rows in the background while the next
   * step's gradients are computed ({@link StepPipeline}), else before the next step starts.
   */
  static boolean holdsTwoSteps(SimulationConfig config, Components parts, TrainTest data) {
    Run run = Run.of(config, parts, data);
    return holdsTwoSteps(
        run.n(), run.f(), run.d(), run.cores(), run.dataBytes(), Runtime.getRuntime().maxMemory());
  }

  static boolean holdsTwoSteps(
      int workers, int faulty, long parameters, int cores, long dataBytes, long maxHeap) {
    long previous = perWorker(parameters) * ((long) workers + faulty);
    return estimate(workers, faulty, parameters, cores, dataBytes) + previous <= maxHeap;
  }

  /**
   * The estimated peak of one step on the driver's heap when the rule runs on the executors: no n ×
   * d matrix, but the aggregate and the honest mean put together from the blocks; in local mode the
   * executors share the heap, so each core's task (its gradients, or a block of every worker,
   * {@link SparkWorkers#gradientTasks 32 MB}) is counted three times (bytes, floats, output).
   *
   * <pre>bytes ≈ 4d (8 + 2) + 3 · cores · 32 MB + 32 n² + 2 · data + BASE</pre>
   */
  static long estimateOnExecutors(int workers, long parameters, int cores, long dataBytes) {
    return perWorker(parameters) * (VECTORS + 2)
        + 3L * cores * (32L << 20)
        + 4L * Double.BYTES * workers * (long) workers
        + 2 * dataBytes
        + BASE_BYTES;
  }

  /**
   * Throws a {@link ConfigException} of one line when a step needs more than {@code maxHeap} bytes:
   * the estimate, its largest term, and the options that raise the heap.
   */
  static void check(
      int workers, int faulty, long parameters, int cores, long dataBytes, long maxHeap) {
    refuseAbove(
        estimate(workers, faulty, parameters, cores, dataBytes), maxHeap, workers, parameters);
  }

  private static void refuseAbove(long need, long maxHeap, int workers, long parameters) {
    if (need <= maxHeap) {
      return;
    }
    long gib = (need + (1L << 30) - 1) >> 30;
    throw new ConfigException(
        String.format(
            Locale.ROOT,
            "-w %d: a step of %d workers × %,d parameters needs about %s of driver heap"
                + " (%s per worker), more than the %s this JVM has; raise it with"
                + " FTSIM_JAVA_OPTS=-Xmx%dg for ./ftsim (spark-submit: --driver-memory %dg),"
                + " or use fewer workers",
            workers,
            workers,
            parameters,
            human(need),
            human(perWorker(parameters)),
            human(maxHeap),
            gib,
            gib));
  }

  /** Bytes as "1.9 GB", "468 MB", "12 kB" (powers of 1024). */
  static String human(long bytes) {
    String[] units = {"B", "kB", "MB", "GB", "TB"};
    double v = bytes;
    int u = 0;
    while (v >= 1024 && u < units.length - 1) {
      v /= 1024;
      u++;
    }
    return String.format(Locale.ROOT, v >= 100 || u == 0 ? "%.0f %s" : "%.1f %s", v, units[u]);
  }
}
