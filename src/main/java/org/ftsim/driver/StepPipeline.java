package org.ftsim.driver;

import static java.util.concurrent.CompletableFuture.supplyAsync;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.Phase;
import org.ftsim.detection.Detection;
import org.ftsim.detection.Replicas;
import org.ftsim.fault.FaultPlan;
import org.ftsim.linalg.Vectors;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Rows.StepRow;
import org.ftsim.results.Rows.WorkerRow;
import org.ftsim.spark.SparkWorkers;
import org.ftsim.spark.WorkerGradient;

/**
 * One step of a run, as a pipeline whose stages read top to bottom in {@link #step}: the workers'
 * gradients from Spark, the honest workers' momentum, the faults applied to them, the detection,
 * the correction, the defense, the optimizer's update, and the step's rows. Each stage that carries
 * state across steps owns it.
 *
 * <p>The workers' rows of a step (each report's norm and cosine to the honest mean: a pass over the
 * whole n × d matrix, the largest part of the driver's work on an MLP) change nothing in training,
 * so they are computed on a thread of their own, from the moment the reports are final in a normal
 * step (while the driver defends and updates) and else from the step's end, while the next step's
 * gradients are computed, and added to the sink when that step's gradients have arrived, before any
 * stage can touch the step's vectors again ({@link #settle}). That keeps two steps' reports on the
 * heap at once: when the heap cannot hold them ({@link DriverMemory#holdsTwoSteps}), each step
 * waits for its own rows.
 */
final class StepPipeline implements AutoCloseable {

  /** What a step did: its row, and why the run diverged at it (null when it did not). */
  record Outcome(StepRow row, String divergence) {}

  private final String runId;
  private final double lr;
  private final Components parts;
  private final CorrectionStage correction;
  private final DetectionStage detection;
  private final SparkWorkers workers;
  private final ResultSink sink;
  private final Console console;
  private final ExecutorStep onExecutors;
  private final ExecutorService rowsThread =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ftsim-worker-rows");
            t.setDaemon(true);
            return t;
          });
  private Future<List<WorkerRow>> pendingRows;
  private StepRow pendingStep;
  private final boolean backgroundRows;

  StepPipeline(
      SimulationConfig config,
      Components parts,
      CorrectionStage correction,
      DetectionStage detection,
      SparkWorkers workers,
      ResultSink sink,
      Console console,
      boolean backgroundRows) {
    this.runId = config.runId();
    this.backgroundRows = backgroundRows;
    this.lr = config.training().lr();
    this.onExecutors =
        config.defense().onExecutors() ? new ExecutorStep(config, parts, workers, sink) : null;
    this.parts = parts;
    this.correction = correction;
    this.detection = detection;
    this.workers = workers;
    this.sink = sink;
    this.console = console;
  }

  /** Takes global step {@code step} (step {@code stepInEpoch} of {@code epoch}), in place. */
  Outcome step(float[] params, int epoch, int stepInEpoch, int step) {
    if (onExecutors != null) {
      return onExecutors.step(params, epoch, stepInEpoch, step);
    }
    FaultPlan faults = parts.faults();
    int n = faults.workers();
    long t0 = System.nanoTime();
    Phase phase = correction == null ? Phase.NORMAL : correction.phase(step);
    // -df detect with --correct: the detector's suspects are corrected rather than -f's workers.
    boolean byDetector = correction != null && parts.defense().dropsFlagged();
    int[] owners =
        phase == Phase.REPLICA
            ? correction.batchOwners(step, byDetector ? detection.suspects() : null)
            : null;

    // 1. Gradients: every worker's, computed on Spark.
    SparkWorkers.StepGradients computed =
        gradients(params, epoch, stepInEpoch, step, phase, owners);
    long t1 = System.nanoTime();
    // The previous step's rows, computed meanwhile: its vectors are nobody's but theirs until here.
    settle();
    // Decoded as each task's results arrived: the one copy of the n × d matrix on the driver.
    float[][] honest = computed.honest();
    double lossSum = 0;
    int computing = 0;
    for (WorkerGradient g : computed.gradients()) {
      lossSum += g.loss();
      computing += g.batch() > 0 ? 1 : 0;
    }
    // The mean over the workers that computed (all, unless some were dealt no data).
    double trainLoss = lossSum / computing;
    // Worker momentum: each honest worker sends its momentum vector, which the faults then see.
    parts.momentum().apply(honest);
    // The server's root gradient (-df fltrust), on its trusted samples at the same parameters.
    float[] root = parts.root() == null ? null : parts.root().at(params, step);

    // 2. Faults: what each worker reports (null: it crashed); never batch norm's statistics.
    // Adaptive faults query the defense as it will aggregate (with the step's root gradient).
    float[][] reported = faults.apply(step, honest, new DefenseQuery(parts.defense(), root));
    BatchNormState.clearState(reported, parts.state());

    // The bulk of the workers rows (each report's norm and cosine to the honest mean), as soon as
    // the reports are final: in a normal step without a detector nothing after the faults writes
    // them (the defense only reads its input, DefenseTest), so this runs while the driver defends
    // and updates, on the core the step's tasks have left idle. Else once the step is done.
    Supplier<WorkerMetrics.Norms> pass = () -> WorkerMetrics.norms(faults, honest, reported);
    CompletableFuture<WorkerMetrics.Norms> norms =
        phase == Phase.NORMAL && detection == null ? supplyAsync(pass, rowsThread) : null;

    // 3. Detection: the detector's verdict on what was reported, scored against the truth.
    Detection detected =
        detection == null
            ? null
            : detection.detect(
                step, reported, replicas(params, epoch, stepInEpoch, step, owners, reported));

    // 4. Correction: replica pairs kept, or faulty reports replaced by their correction.
    boolean[] corrected = new boolean[n];
    double[] correctionError = new double[n];
    if (phase == Phase.REPLICA) {
      console.lines(correction.replica(step, reported, owners));
    } else if (phase == Phase.CORRECTED) {
      boolean[] targets = byDetector ? detected.flagged() : new boolean[n];
      for (int w = 0; w < n && !byDetector; w++) {
        targets[w] = faults.isFaulty(w);
      }
      float[][] truth = honest.clone();
      for (WorkerGradient g : computed.gradients()) {
        if (g.clean() != null) {
          truth[g.worker()] = g.cleanValues();
        }
      }
      correction
          .correct(runId, targets, step, truth, reported, corrected, correctionError)
          .forEach(sink::add);
    }

    // 5. Defense: the reports that arrived (a replica step leaves out those computed on another's
    // sub-batch); -df detect drops the flagged ones (unless corrected) instead of the known faulty.
    Arrivals arrivals =
        Arrivals.of(
            reported,
            faults,
            owners,
            parts.defense().dropsFlagged() ? uncorrected(detected.flagged(), corrected) : null);
    Aggregation aggregate = defend(arrivals, step, root);
    long t2 = System.nanoTime();

    // 6. Optimizer: the update with the scheduled rate scaled by k and the weight decay added to
    // the aggregate (torch SGD's weight_decay), unless the aggregate diverged.
    double stepLr = parts.scaling().apply(parts.schedule().apply(lr, step), aggregate.kept());
    String divergence = null;
    if (!Vectors.allFinite(aggregate.gradient())) {
      divergence = "the aggregate is not finite (k=" + aggregate.kept() + ")";
    } else {
      parts
          .optimizer()
          .step(params, parts.weightDecay().apply(aggregate.gradient(), params), stepLr);
      BatchNormState.update(params, parts.state(), computed.gradients(), reported);
      if (!Vectors.allFinite(params)) {
        divergence = "the parameters are not finite after the update";
      }
    }
    long t3 = System.nanoTime();

    // 7. Rows: each worker's in the background, then the step's (both added by the next settle()).
    Arrivals.Verdict verdict = arrivals.verdict(aggregate, n);
    pendingRows =
        (norms != null ? norms : supplyAsync(pass, rowsThread))
            .thenApplyAsync(
                stepNorms ->
                    WorkerMetrics.rows(
                        runId,
                        step,
                        faults,
                        computed.gradients(),
                        owners,
                        stepNorms,
                        verdict,
                        corrected,
                        correctionError,
                        detected),
                rowsThread);
    double ms = 1e-6;
    StepRow row =
        new StepRow(
            runId,
            epoch,
            step,
            trainLoss,
            stepLr,
            aggregate.kept(),
            phase.label(),
            (t1 - t0) * ms,
            (t2 - t1) * ms,
            (System.nanoTime() - t0) * ms,
            computed.broadcastMs(),
            computed.computeMs(),
            (t3 - t2) * ms);
    pendingStep = row;
    if (!backgroundRows) {
      settle();
    }
    return new Outcome(row, divergence);
  }

  /**
   * Waits for the previous step's workers rows and adds them, then its step row, to the sink;
   * rethrows their failure. Called by each step once its gradients have arrived, and by the run
   * before it flushes the sink, checkpoints or ends.
   */
  void settle() {
    if (pendingRows == null) {
      return;
    }
    Future<List<WorkerRow>> rows = pendingRows;
    StepRow step = pendingStep;
    pendingRows = null;
    pendingStep = null;
    try {
      // A step's workers rows before its row, as the TensorBoard events expect.
      rows.get().forEach(sink::add);
      sink.add(step);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while computing the workers rows", e);
    } catch (ExecutionException e) {
      // The rows' own failure or their norms' (a chain's get() gives the original cause).
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Adds the last step's workers rows and stops their thread. */
  @Override
  public void close() {
    try {
      settle();
    } finally {
      rowsThread.shutdownNow();
    }
  }

  /**
   * The copies a replicating detector judges: the reports in slot 0 (without those of workers that
   * computed another's sub-batch in a correction replica step, with their own dropout masks: no
   * evidence), and the plan's other slots computed on Spark, each faulty worker corrupting every
   * copy it computes at a step it misbehaves.
   */
  private Replicas replicas(
      float[] params, int epoch, int stepInEpoch, int step, int[] owners, float[][] reported) {
    int[][] plan = detection.copyOwners(step);
    if (plan == null) {
      return Replicas.of(reported);
    }
    FaultPlan faults = parts.faults();
    int n = faults.workers();
    float[][][] copies = new float[plan.length][][];
    copies[0] = reported.clone();
    boolean[] flip = new boolean[n];
    for (int w = 0; w < n; w++) {
      flip[w] = faults.flipsLabels(w, step);
      if (owners != null && owners[w] != w) {
        copies[0][w] = null;
      }
    }
    for (int j = 1; j < plan.length; j++) {
      // Decoded as the copies' results arrived (their bytes are dropped then).
      float[][] computed = workers.copies(params, epoch, stepInEpoch, flip, plan[j]).honest();
      copies[j] = faults.apply(step, computed);
      BatchNormState.clearState(copies[j], parts.state());
    }
    return new Replicas(plan, copies);
  }

  private SparkWorkers.StepGradients gradients(
      float[] params, int epoch, int stepInEpoch, int step, Phase phase, int[] owners) {
    FaultPlan faults = parts.faults();
    int n = faults.workers();
    boolean[] flip = new boolean[n];
    for (int w = 0; w < n; w++) {
      flip[w] = faults.flipsLabels(w, step);
    }
    // A corrected label-flipping worker's true error is measured against its gradient on the true
    // labels, which only the worker can compute: ask for it (one more gradient per such worker).
    boolean[] cleanToo = null;
    if (phase == Phase.CORRECTED) {
      cleanToo = new boolean[n];
      for (int w = 0; w < n; w++) {
        cleanToo[w] = flip[w] && faults.isFaulty(w);
      }
    }
    return workers.gradients(params, epoch, stepInEpoch, flip, owners, cleanToo);
  }

  /** The flagged reports that were not corrected: those {@code -df detect} drops. */
  private static boolean[] uncorrected(boolean[] flagged, boolean[] corrected) {
    boolean[] out = new boolean[flagged.length];
    for (int w = 0; w < out.length; w++) {
      out[w] = flagged[w] && !corrected[w];
    }
    return out;
  }

  /**
   * The defense's aggregate of what arrived. A step at which too few reports arrive for the rule,
   * even counting the missing workers among the faulty ones, fails the run with one line.
   */
  private Aggregation defend(Arrivals arrivals, int step, float[] root) {
    try {
      return parts.defense().apply(arrivals.rows(), arrivals.faulty(), root);
    } catch (IllegalArgumentException e) {
      throw new RunFailure(
          "step "
              + step
              + ": "
              + arrivals.rows().length
              + " of "
              + parts.faults().workers()
              + " workers' reports arrived, too few for "
              + parts.defense()
              + ": "
              + e.getMessage());
    }
  }
}
