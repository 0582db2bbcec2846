package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;

/**
 * One step with the faults and a coordinate-wise rule run on the executors ({@code --aggregate-on
 * executors}): the driver receives the aggregate, the honest mean and per-worker numbers, never a
 * worker's gradient.
 *
 * <p>Two jobs per step. The first computes each worker's gradient and its (local) fault where it is
 * hosted, keeps the reports on the executors' disks, cuts them into {@link CoordinateSplit} blocks
 * and shuffles them so that a task holds one block of every report; the task runs the rule and the
 * honest mean over its block ({@link BlockAggregate}). The second reads the kept reports again for
 * their dot products with the honest mean ({@link SummaryTask}). Both give the driver mode's
 * numbers bit for bit: each coordinate of a coordinate-wise rule, and each whole-vector norm and
 * dot product, is computed by the same operations in the same order.
 */
public final class ExecutorAggregation {

  private final JavaSparkContext jsc;
  private final SparkWorkers workers;
  private final FaultSpec faults;
  private final String rule;
  private final int tolerated;
  private final long seed;
  private final CoordinateSplit split;
  private final boolean[] faulty;

  /**
   * What a step aggregated on the executors gave the driver: the aggregate, k, per worker whether
   * the rule used it and the share of its coordinates the defense discarded (NaN: it did not
   * arrive; the driver mode's value exactly, (d − kept coordinates)/d), the honest workers' mean
   * (null when every worker is faulty), the report of each omniscient fault that acted (by its
   * spec; every worker of a spec reports it), each worker's summary in worker order, and the
   * phases' times.
   */
  public record Step(
      float[] aggregate,
      int kept,
      boolean[] used,
      double[] discarded,
      float[] honestMean,
      Map<String, float[]> omniscient,
      List<ReportSummary> reports,
      double broadcastMs,
      double jobMs,
      double computeMs) {}

  ExecutorAggregation(
      JavaSparkContext jsc,
      SparkWorkers workers,
      FaultSpec faults,
      String rule,
      int tolerated,
      long seed,
      int parameters,
      int cores) {
    this.jsc = jsc;
    this.workers = workers;
    this.faults = faults;
    this.rule = rule;
    this.tolerated = tolerated;
    this.seed = seed;
    this.split = CoordinateSplit.of(faults.workers(), parameters, cores);
    this.faulty = new boolean[faults.workers()];
    for (int w : faults.faulty()) {
      faulty[w] = true;
    }
  }

  /** The number of coordinate blocks (reduce tasks) per step. */
  public int blocks() {
    return split.blocks();
  }

  /**
   * Takes the gradients, faults and rule of global step {@code globalStep} (step {@code step} of
   * {@code epoch}) at {@code params}.
   */
  public Step step(float[] params, int epoch, int step, long globalStep, boolean[] flipLabels) {
    long t0 = System.nanoTime();
    Broadcast<byte[]> p = jsc.broadcast(FloatBytes.encode(params));
    long t1 = System.nanoTime();
    GradientTask task = workers.task(p, epoch, step, flipLabels);
    JavaRDD<Report> reports =
        workers
            .workerRdd()
            .mapPartitions(new ReportTask(task, faults, globalStep))
            .persist(StorageLevel.DISK_ONLY());
    Broadcast<byte[]> mean = null;
    try {
      jsc.setJobDescription("aggregate on executors " + epoch + ":" + step);
      List<BlockResult> blocks =
          new ArrayList<>(
              reports
                  .flatMapToPair(new BlockCut(split))
                  .partitionBy(split)
                  .mapPartitions(new BlockAggregate(rule, tolerated, seed, faults, globalStep))
                  .collect());
      blocks.sort(Comparator.comparingInt(BlockResult::block));
      int d = split.to(split.blocks() - 1);
      float[] aggregate = new float[d];
      float[] honestMean = new float[d];
      boolean[] used = new boolean[faulty.length];
      long[] discardedCoordinates = new long[faulty.length];
      Map<String, float[]> omniscient = new TreeMap<>();
      int kept = -1;
      boolean anyHonest = true;
      for (BlockResult b : blocks) {
        int from = split.from(b.block());
        float[] a = FloatBytes.decode(b.aggregate());
        System.arraycopy(a, 0, aggregate, from, a.length);
        if (b.honestMean() == null) {
          anyHonest = false;
        } else {
          float[] m = FloatBytes.decode(b.honestMean());
          System.arraycopy(m, 0, honestMean, from, m.length);
        }
        if (kept >= 0 && kept != b.kept()) {
          throw new IllegalStateException("blocks kept " + kept + " and " + b.kept() + " rows");
        }
        kept = b.kept();
        for (Map.Entry<String, byte[]> e : b.omniscient().entrySet()) {
          float[] part = FloatBytes.decode(e.getValue());
          System.arraycopy(
              part,
              0,
              omniscient.computeIfAbsent(e.getKey(), k -> new float[d]),
              from,
              part.length);
        }
        for (int w = 0; w < used.length; w++) {
          used[w] |= b.used()[w];
          discardedCoordinates[w] =
              discardedCoordinates[w] < 0 || b.discarded()[w] < 0
                  ? -1
                  : discardedCoordinates[w] + b.discarded()[w];
        }
      }
      if (blocks.size() != split.blocks()) {
        throw new IllegalStateException(
            "expected " + split.blocks() + " blocks, got " + blocks.size());
      }
      mean = jsc.broadcast(anyHonest ? FloatBytes.encode(honestMean) : new byte[0]);
      jsc.setJobDescription("report summaries " + epoch + ":" + step);
      List<ReportSummary> summaries = new ArrayList<>(reports.map(new SummaryTask(mean)).collect());
      summaries.sort(Comparator.comparingInt(ReportSummary::worker));
      long t2 = System.nanoTime();
      long[] perPartition = new long[workers.partitions()];
      long total = 0;
      for (ReportSummary s : summaries) {
        perPartition[s.partition()] += s.nanos();
        total += s.nanos();
      }
      long slowest = total / Math.max(1, workers.cores());
      for (long nanos : perPartition) {
        slowest = Math.max(slowest, nanos);
      }
      double[] discarded = new double[used.length];
      for (int w = 0; w < used.length; w++) {
        discarded[w] =
            discardedCoordinates[w] < 0 ? Double.NaN : (double) discardedCoordinates[w] / d;
      }
      return new Step(
          aggregate,
          kept,
          used,
          discarded,
          anyHonest ? honestMean : null,
          omniscient,
          summaries,
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          slowest / 1e6);
    } finally {
      jsc.setJobDescription(null);
      reports.unpersist(false);
      p.destroy(false);
      if (mean != null) {
        mean.destroy(false);
      }
    }
  }
}
