package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.Phase;
import org.ftsim.fault.FaultPlan;
import org.ftsim.linalg.Vectors;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Rows.StepRow;
import org.ftsim.results.Rows.WorkerRow;
import org.ftsim.spark.ExecutorAggregation;
import org.ftsim.spark.FaultSpec;
import org.ftsim.spark.ReportSummary;
import org.ftsim.spark.SparkWorkers;

/**
 * One step with the faults and the rule on the executors ({@code --aggregate-on executors}): the
 * driver receives the aggregate, k, the used workers and each worker's norm and dot product with
 * the honest mean, then updates and writes the rows {@link StepPipeline} writes, with the same
 * values. {@link OnExecutors} says which runs can take it.
 */
final class ExecutorStep {

  private final String runId;
  private final double lr;
  private final Components parts;
  private final ExecutorAggregation aggregation;
  private final ResultSink sink;

  ExecutorStep(SimulationConfig config, Components parts, SparkWorkers workers, ResultSink sink) {
    this.runId = config.runId();
    this.lr = config.training().lr();
    this.parts = parts;
    this.sink = sink;
    this.aggregation =
        workers.onExecutors(
            FaultSpec.of(parts.faults(), config.faults().fault(), config.seed()),
            parts.defense(),
            config.defense().defense(),
            config.defense().tolerate(),
            config.seed(),
            parts.initial().length);
  }

  /** Takes global step {@code step} (step {@code stepInEpoch} of {@code epoch}), in place. */
  StepPipeline.Outcome step(float[] params, int epoch, int stepInEpoch, int step) {
    FaultPlan faults = parts.faults();
    int n = faults.workers();
    long t0 = System.nanoTime();
    boolean[] flip = new boolean[n];
    for (int w = 0; w < n; w++) {
      flip[w] = faults.flipsLabels(w, step);
    }
    ExecutorAggregation.Step s;
    try {
      s = aggregation.step(params, epoch, stepInEpoch, step, flip);
    } catch (ExecutorAggregation.TooFewReports e) {
      int arrived = 0;
      for (int w = 0; w < n; w++) {
        arrived += faults.arrives(w, step) ? 1 : 0;
      }
      throw new RunFailure(
          "step "
              + step
              + ": "
              + arrived
              + " of "
              + n
              + " workers' reports arrived, too few for "
              + parts.defense()
              + ": "
              + e.getMessage());
    }
    long t1 = System.nanoTime();
    double lossSum = 0;
    for (ReportSummary r : s.reports()) {
      lossSum += r.loss();
    }
    double stepLr = parts.scaling().apply(parts.schedule().apply(lr, step), s.kept());
    String divergence = null;
    long t2 = System.nanoTime();
    if (!Vectors.allFinite(s.aggregate())) {
      divergence = "the aggregate is not finite (k=" + s.kept() + ")";
    } else {
      parts.optimizer().step(params, parts.weightDecay().apply(s.aggregate(), params), stepLr);
      if (!Vectors.allFinite(params)) {
        divergence = "the parameters are not finite after the update";
      }
    }
    long t3 = System.nanoTime();
    rows(step, s).forEach(sink::add);
    double ms = 1e-6;
    StepRow row =
        new StepRow(
            runId,
            epoch,
            step,
            lossSum / n,
            stepLr,
            s.kept(),
            Phase.NORMAL.label(),
            // A distance-based rule's passes run inside the gradient job: its share moves to the
            // aggregation's column, as the driver mode counts it.
            (t1 - t0) * ms - s.ruleMs(),
            (t2 - t1) * ms + s.ruleMs(),
            (System.nanoTime() - t0) * ms,
            s.broadcastMs(),
            s.computeMs(),
            (t3 - t2) * ms);
    sink.add(row);
    return new StepPipeline.Outcome(row, divergence);
  }

  /** The workers rows, as {@link WorkerMetrics#rows} computes them from the whole matrix. */
  private List<WorkerRow> rows(int step, ExecutorAggregation.Step s) {
    FaultPlan faults = parts.faults();
    double meanNorm = s.honestMean() == null ? Double.NaN : Vectors.norm(s.honestMean());
    List<WorkerRow> rows = new ArrayList<>(s.reports().size());
    for (ReportSummary r : s.reports()) {
      int w = r.worker();
      double norm = r.norm();
      double dot = r.dotHonestMean();
      float[] omniscient =
          faults.misbehaves(w, step) ? s.omniscient().get(faults.faultName(w)) : null;
      if (omniscient != null) {
        // Its report exists whole only here, put together from the blocks.
        norm = Vectors.norm(omniscient);
        dot = Vectors.dot(omniscient, s.honestMean());
      }
      rows.add(
          new WorkerRow(
              runId,
              step,
              w,
              r.batch(),
              w,
              faults.isFaulty(w),
              faults.misbehaves(w, step) ? faults.faultName(w) : null,
              s.used()[w],
              Arrivals.Verdict.orNull(s.discarded()[w]),
              s.scores() == null ? null : Arrivals.Verdict.orNull(s.scores()[w]),
              r.arrived() ? norm : null,
              r.loss(),
              r.arrived() ? dot / (norm * meanNorm) : null,
              false,
              null,
              null,
              null));
    }
    return rows;
  }
}
