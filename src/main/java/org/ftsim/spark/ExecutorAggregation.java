package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import org.ftsim.aggregation.BlockCombination;
import org.ftsim.aggregation.Defense;
import org.ftsim.aggregation.DistanceBlocks;
import org.ftsim.aggregation.RowSelection;
import org.ftsim.fault.FaultPlan;

/**
 * One step with the faults and the rule run on the executors ({@code --aggregate-on executors}):
 * the driver receives the aggregate, the honest mean, per-worker numbers and, for a distance-based
 * rule, the n × n partial distances of each block, never a worker's gradient.
 *
 * <p>The first job computes each worker's gradient and its (local) fault where it is hosted, keeps
 * the reports on the executors' disks (a second job needs them whole), cuts them into {@link
 * CoordinateSplit} blocks and shuffles them so that a task holds one block of every report. A
 * coordinate-wise rule finishes there with the honest mean over its block ({@link BlockAggregate}).
 * A distance-based rule (Krum, Multi-Krum, Bulyan, or NNM before a coordinate-wise rule: {@link
 * Defense#plansOnDistances}) takes two passes over the blocks, which are then {@link
 * DistanceBlocks} groups: each task returns its group's partial distances ({@link BlockDistances}),
 * the driver adds them in group order and selects the rows (or neighbours), and a second job over
 * the same shuffle files (not recomputed, not written again) combines them block by block ({@link
 * BlockSelected}). The last job reads the kept reports again for their dot products with the honest
 * mean ({@link SummaryTask}). All give the driver mode's numbers bit for bit: each coordinate of a
 * coordinate-wise combination, each pairwise distance, and each whole-vector norm and dot product
 * is computed by the same operations in the same order.
 */
public final class ExecutorAggregation {

  private final JavaSparkContext jsc;
  private final SparkWorkers workers;
  private final FaultSpec faults;
  private final String rule;
  private final int tolerated;
  private final long seed;
  private final CoordinateSplit split;
  private final int parameters;

  /** The defense when it plans on distances ({@link Defense#plansOnDistances}), else null. */
  private final Defense planning;

  /**
   * Too few reports arrived at a step for the rule, even counting the missing workers among the
   * faulty ones: the message says why, as the driver mode's rule says it.
   */
  public static final class TooFewReports extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooFewReports(String message) {
      super(message);
    }
  }

  /**
   * What a step aggregated on the executors gave the driver: the aggregate, k, per worker whether
   * the rule used it and the share of its coordinates the defense discarded (NaN: it did not
   * arrive; the driver mode's value exactly, (d − kept coordinates)/d), the rule's own score of it
   * (null: none; NaN: it did not arrive), the honest workers' mean (null when every worker is
   * faulty), the report of each omniscient fault that acted (by its spec; every worker of a spec
   * reports it), each worker's summary in worker order, and the phases' times.
   */
  public record Step(
      float[] aggregate,
      int kept,
      boolean[] used,
      double[] discarded,
      double[] scores,
      float[] honestMean,
      Map<String, float[]> omniscient,
      List<ReportSummary> reports,
      double broadcastMs,
      double jobMs,
      double computeMs,
      double ruleMs) {}

  ExecutorAggregation(
      JavaSparkContext jsc,
      SparkWorkers workers,
      FaultSpec faults,
      Defense defense,
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
    this.parameters = parameters;
    this.planning = defense.plansOnDistances() ? defense : null;
  }

  /** The number of coordinate blocks (reduce tasks) per step. */
  public int blocks() {
    return split.blocks();
  }

  /**
   * Takes the gradients, faults and rule of global step {@code globalStep} (step {@code step} of
   * {@code epoch}) at {@code params}.
   *
   * @throws TooFewReports when too few reports arrived for the rule
   */
  public Step step(float[] params, int epoch, int step, long globalStep, boolean[] flipLabels) {
    long t0 = System.nanoTime();
    JobParameters p = JobParameters.broadcast(jsc, params);
    long t1 = System.nanoTime();
    GradientTask task = workers.task(p, epoch, step, flipLabels);
    JavaRDD<Report> reports =
        workers
            .workerRdd()
            .mapPartitions(new ReportTask(task, faults, globalStep))
            .persist(StorageLevel.DISK_ONLY());
    Broadcast<byte[]> mean = null;
    try {
      String name = epoch + ":" + step;
      double[] ruleMs = new double[1];
      BlockAssembly blocks =
          planning == null
              ? coordinateWise(reports, name, globalStep)
              : selected(reports, name, globalStep, ruleMs);
      float[] honestMean = blocks.honestMean();
      mean = jsc.broadcast(honestMean != null ? FloatBytes.encode(honestMean) : new byte[0]);
      jsc.setJobDescription("report summaries " + name);
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
      return new Step(
          blocks.aggregate,
          blocks.kept,
          blocks.used,
          blocks.discarded(),
          blocks.scores,
          honestMean,
          blocks.omniscient,
          summaries,
          (t1 - t0) / 1e6,
          (t2 - t1) / 1e6,
          slowest / 1e6,
          ruleMs[0]);
    } finally {
      jsc.setJobDescription(null);
      reports.unpersist(false);
      p.destroy();
      if (mean != null) {
        mean.destroy(false);
      }
    }
  }

  /**
   * The rule's scores of the arrived rows (in worker order; an anchor's after them) as per worker,
   * NaN for one whose report did not arrive; null for none.
   */
  private static double[] byWorker(double[] rowScores, boolean[] arrives) {
    if (rowScores == null) {
      return null;
    }
    double[] out = new double[arrives.length];
    for (int w = 0, j = 0; w < out.length; w++) {
      out[w] = arrives[w] ? rowScores[j++] : Double.NaN;
    }
    return out;
  }

  /** A coordinate-wise rule, in one pass over the blocks. */
  private BlockAssembly coordinateWise(JavaRDD<Report> reports, String name, long globalStep) {
    jsc.setJobDescription("aggregate on executors " + name);
    List<BlockResult> results =
        reports
            .flatMapToPair(new BlockCut(split))
            .partitionBy(split)
            .mapPartitions(new BlockAggregate(rule, tolerated, seed, faults, globalStep))
            .collect();
    BlockAssembly out = new BlockAssembly(split, parameters, faults.workers());
    results.forEach(out::add);
    out.requireAll();
    return out;
  }

  /**
   * A distance-based rule, in two passes over the blocks (one {@link DistanceBlocks} group each) of
   * the reports that arrive; {@code ruleMs[0]} gets the rule's time: the tasks' partial distances
   * (over the cores), the selection and the second pass.
   */
  private BlockAssembly selected(
      JavaRDD<Report> reports, String name, long globalStep, double[] ruleMs) {
    // Which reports arrive, predicted once per step (a FaultPlan is built per call of plan()).
    FaultPlan plan = faults.plan();
    boolean[] arrives = new boolean[plan.workers()];
    int arrived = 0;
    for (int w = 0; w < arrives.length; w++) {
      arrives[w] = plan.arrives(w, globalStep);
      arrived += arrives[w] ? 1 : 0;
    }
    if (arrived == 0) {
      throw new TooFewReports("aggregation needs at least one gradient; got n=0");
    }
    RowSelection.Anchor point = planning.anchor(arrived, parameters);
    Broadcast<byte[]> vector =
        point != null && point.vector() != null
            ? jsc.broadcast(FloatBytes.encode(point.vector()))
            : null;
    try {
      return selected(reports, name, globalStep, ruleMs, arrives, arrived, point, vector);
    } finally {
      if (vector != null) {
        vector.destroy(false);
      }
    }
  }

  private BlockAssembly selected(
      JavaRDD<Report> reports,
      String name,
      long globalStep,
      double[] ruleMs,
      boolean[] arrives,
      int arrived,
      RowSelection.Anchor point,
      Broadcast<byte[]> vector) {
    AnchorBlock anchor = point == null ? null : new AnchorBlock(vector, point.median());
    DistanceBlocks groups = DistanceBlocks.of(arrived + (anchor == null ? 0 : 1), parameters);
    CoordinateSplit cut = CoordinateSplit.of(groups);
    JavaPairRDD<Integer, BlockSlice> blocks =
        reports.flatMapToPair(new BlockCut(cut)).partitionBy(cut);
    BlockAssembly out = new BlockAssembly(cut, parameters, faults.workers());
    DistanceBlocks.Sum sum = groups.sum();
    long[] distanceNanos = new long[1];
    ArrivingJob.run(
        blocks.mapPartitions(new BlockDistances(groups, faults, globalStep, anchor)),
        "aggregate on executors " + name,
        (partition, results) -> {
          for (BlockPartial b : results) {
            sum.add(b.result().block(), b.partial());
            out.addStatistics(b.result());
            distanceNanos[0] += b.nanos();
          }
        });
    long t0 = System.nanoTime();
    BlockCombination combination;
    try {
      combination = planning.plan(arrived, sum.squared(), sum.far());
    } catch (IllegalArgumentException e) {
      throw new TooFewReports(e.getMessage());
    }
    jsc.setJobDescription("aggregate selected " + name);
    blocks
        .mapPartitions(new BlockSelected(combination, faults, globalStep, cut, anchor))
        .collect()
        .forEach(out::addAggregate);
    out.requireAll();
    out.kept = combination.kept(out.kept, out.used);
    out.scores = byWorker(combination.scores(), arrives);
    out.mapDiscarded(combination, arrives);
    planning.completed(arrived, out.aggregate);
    ruleMs[0] =
        (System.nanoTime() - t0) / 1e6 + distanceNanos[0] / 1e6 / Math.max(1, workers.cores());
    return out;
  }
}
