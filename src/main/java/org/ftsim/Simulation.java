package org.ftsim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.aggregation.Defense;
import org.ftsim.aggregation.Mean;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.checkpoint.Checkpointing;
import org.ftsim.checkpoint.WrittenRows;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.CorrectionSchedule;
import org.ftsim.correction.Corrector;
import org.ftsim.correction.Fit;
import org.ftsim.correction.Phase;
import org.ftsim.correction.RegressorRegistry;
import org.ftsim.correction.ReplicaData;
import org.ftsim.correction.ReplicaPlan;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Partitioners;
import org.ftsim.data.TrainTest;
import org.ftsim.fault.FaultPlan;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.ParamInit;
import org.ftsim.optim.LearningRateScaling;
import org.ftsim.optim.Optimizer;
import org.ftsim.results.ResultSink;
import org.ftsim.spark.SparkWorkers;
import org.ftsim.spark.WorkerGradient;

/**
 * The driver loop of one run (SPEC §4): for each step, the workers' gradients from Spark, the
 * faults applied to them, the defense, the update with lr·√k; evaluations at half and full epochs;
 * every row to the result sink.
 */
public final class Simulation {

  /** What a finished run reports. */
  public record Summary(
      String runId, String resultsDir, double finalMetric, String metricName, double wallSeconds) {}

  private final SimulationConfig config;
  private final SparkSession spark;
  private final PrintStream out;

  private final TrainTest data;

  /** Gradient correction (SPEC §7), or null when off. */
  private CorrectionSchedule schedule;

  private ReplicaPlan replicas;
  private Corrector corrector;
  private final Map<Integer, List<float[]>> replicaFaulty = new TreeMap<>();
  private final Map<Integer, List<float[]>> replicaTrue = new TreeMap<>();
  private final Map<Integer, Integer> fitStep = new TreeMap<>();

  /** With {@code --data_coll_path}: the first replica phase's pairs; the run ends once written. */
  private final List<ReplicaData.Record> collected = new ArrayList<>();

  private boolean collectionDone;

  /** Totals of the per-step timings, in milliseconds, for the closing summary. */
  private final double[] timing = new double[7];

  /** Per phase (by ordinal): steps taken and their total milliseconds. */
  private final int[] phaseSteps = new int[Phase.values().length];

  private final double[] phaseMs = new double[Phase.values().length];

  /** Corrected gradients, and the sum of their finite true errors and how many were finite. */
  private long correctedCount;

  private double trueErrorSum;
  private long trueErrorCount;

  private static final int GRAD = 0;
  private static final int BROADCAST = 1;
  private static final int COMPUTE = 2;
  private static final int AGGREGATE = 3;
  private static final int UPDATE = 4;
  private static final int STEP = 5;
  private static final int EVAL = 6;

  /** Issue 8: the checkpoint this run resumes from (null for a fresh run), and the checkpoints. */
  private Checkpoint resumeFrom;

  private Checkpointing checkpoints;

  /**
   * A run of {@code config} (resolved, validated, with a run id) over {@code data} on {@code
   * spark}.
   */
  public Simulation(SimulationConfig config, TrainTest data, SparkSession spark, PrintStream out) {
    this.config = config;
    this.data = data;
    this.spark = spark;
    this.out = out;
  }

  /**
   * Continues the run of {@code checkpoint} (whose configuration this simulation's is, but for
   * {@code --master}, {@code --proc}, {@code --checkpoint-every} and {@code -tb}) after its step,
   * rather than from the start: the run ends as the uninterrupted one would, and no row already on
   * disk is written again. Returns this simulation.
   */
  public Simulation resumeFrom(Checkpoint checkpoint) {
    this.resumeFrom = checkpoint;
    return this;
  }

  /** Runs the simulation to the end; a failure still writes a {@code failed} runs row. */
  public Summary run() {
    long startedAt =
        resumeFrom == null ? System.currentTimeMillis() : resumeFrom.progress().startedAt();
    ResultSink sink = new ResultSink(spark, config.resultsDir());
    double[] lastMetric = {Double.NaN};
    if (resumeFrom != null) {
      WrittenRows.deleteUncommitted(spark, config.resultsDir(), config.runId());
      sink.skipWritten(WrittenRows.read(spark, config.resultsDir(), config.runId()));
      WrittenRows.deleteRunsRow(spark, config.resultsDir(), config.runId());
    }
    try {
      Summary summary = train(sink, lastMetric, startedAt);
      sink.flush();
      sink.run(runRow(startedAt, "finished", lastMetric[0], null));
      sink.await();
      if (checkpoints != null) {
        checkpoints.finished();
      }
      return summary;
    } catch (RuntimeException | Error e) {
      try {
        sink.flush();
        sink.run(runRow(startedAt, "failed", lastMetric[0], String.valueOf(e)));
        sink.await();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private Summary train(ResultSink sink, double[] lastMetric, long startedAt) {
    SimulationConfig c = config;
    boolean regression = !data.train().isClassification();
    ModelSpec model =
        new ModelSpec(
            c.arch(), data.train().shape(), regression ? 1 : data.train().classes(), regression);
    int n = c.workers();
    BatchPlan batches = c.buildBatchPlan(data.train());
    FaultPlan faults = c.buildFaultPlan();
    Defense defense = c.buildDefense();
    LearningRateScaling scaling = LearningRateScaling.parse(c.lrScaling());
    Optimizer optimizer = c.buildOptimizer();
    if (c.correction().enabled()) {
      int[] faultyWorkers = c.faulty().stream().mapToInt(Integer::intValue).toArray();
      schedule = new CorrectionSchedule(c.correction().replicaSteps(), c.correction().every());
      replicas = new ReplicaPlan(n, faultyWorkers, c.seed());
      corrector =
          new Corrector(
              RegressorRegistry.create(c.correction().model(), spark, c.seed()),
              c.correction().weight());
    }
    float[] params = ParamInit.pytorchDefault(model, c.seed());
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = c.proc() > 0 ? c.proc() : jsc.defaultParallelism();

    out.printf(
        Locale.ROOT,
        "device: %s, workers: %d, processes: %d, faulty workers: %s, fault: %s, defense: %s%n",
        c.device(),
        n,
        Math.min(partitions, n),
        c.faulty(),
        faults,
        defense);
    out.println("config: " + json(c));
    out.printf(
        Locale.ROOT,
        "model: %s, %d parameters; master: %s%n",
        c.arch(),
        params.length,
        spark.sparkContext().master());
    shards(sink, batches);

    int stepsPerEpoch = batches.stepsPerEpoch();
    int halfEpoch = Math.max(1, stepsPerEpoch / 2);
    int globalStep = resumeFrom == null ? 0 : restore(params, optimizer, defense, lastMetric);
    int firstStep = globalStep;
    checkpoints = Checkpointing.of(c, spark, resumeFrom, out);
    boolean stop = c.maxSteps() > 0 && globalStep >= c.maxSteps();
    double epochLoss = resumeFrom == null ? 0 : resumeFrom.progress().epochLoss();
    int epochSteps = resumeFrom == null ? 0 : resumeFrom.progress().epochSteps();
    try (SparkWorkers workers =
        new SparkWorkers(jsc, model, data.train(), data.test(), batches, n, partitions)) {
      for (int epoch = firstStep / stepsPerEpoch + 1; epoch <= c.epochs() && !stop; epoch++) {
        // A resumed run starts inside its checkpoint's epoch, unless that step ended it.
        int from = epoch == firstStep / stepsPerEpoch + 1 ? firstStep % stepsPerEpoch : 0;
        if (from == 0) {
          epochLoss = 0;
          epochSteps = 0;
        }
        boolean evaluatedLast = false;
        for (int s = from; s < stepsPerEpoch; s++) {
          globalStep++;
          double loss =
              step(
                  workers, faults, defense, scaling, optimizer, params, sink, epoch, s, globalStep);
          epochLoss += loss;
          epochSteps++;
          if (globalStep % c.logEvery() == 0) {
            out.printf(
                Locale.ROOT,
                "EP: %d/%d, sub-batch: %d/%d, avg sub-batch loss: %.3f%n",
                epoch,
                c.epochs(),
                s + 1,
                stepsPerEpoch,
                loss);
          }
          stop = c.maxSteps() > 0 && globalStep >= c.maxSteps() || collectionDone;
          boolean evalNow =
              c.evalEvery() > 0
                  ? globalStep % c.evalEvery() == 0 || s + 1 == stepsPerEpoch
                  : s + 1 == halfEpoch || s + 1 == stepsPerEpoch;
          evaluatedLast = evalNow || stop;
          if (evaluatedLast) {
            lastMetric[0] = evaluate(workers, params, sink, epoch, globalStep);
          }
          if (checkpoints != null && checkpoints.due(globalStep)) {
            checkpoints.save(
                sink,
                checkpoint(
                    globalStep,
                    params,
                    optimizer,
                    defense,
                    epochLoss,
                    epochSteps,
                    lastMetric,
                    startedAt));
          }
          if (stop) {
            break;
          }
        }
        if (epochSteps == stepsPerEpoch) {
          out.printf(
              Locale.ROOT, "Epoch: %d done, avg loss: %.3f%n", epoch, epochLoss / epochSteps);
        }
        sink.flush();
      }
    }
    if (checkpoints != null && checkpoints.dueAtEnd(globalStep)) {
      checkpoints.save(
          sink,
          checkpoint(
              globalStep,
              params,
              optimizer,
              defense,
              epochLoss,
              epochSteps,
              lastMetric,
              startedAt));
    }
    double wall = (System.currentTimeMillis() - startedAt) / 1e3;
    String metricName = regression ? "mse" : "accuracy";
    out.printf(
        Locale.ROOT,
        "final %s: %.4f, %d steps in %.1f s%n",
        metricName,
        lastMetric[0],
        globalStep,
        wall);
    if (globalStep > 0) {
      out.printf(
          Locale.ROOT,
          "time per step: %.1f ms (gradients on Spark %.1f ms, of which broadcast %.1f ms and slowest"
              + " partition's compute %.1f ms; faults, defense and metrics %.1f ms; update %.1f ms);"
              + " evaluation %.1f s in all%n",
          timing[STEP] / globalStep,
          timing[GRAD] / globalStep,
          timing[BROADCAST] / globalStep,
          timing[COMPUTE] / globalStep,
          timing[AGGREGATE] / globalStep,
          timing[UPDATE] / globalStep,
          timing[EVAL] / 1e3);
    }
    if (schedule != null && !config.correction().collects()) {
      out.printf(
          Locale.ROOT,
          "correction: %d corrected gradients, mean true error %.4f; per step %.1f ms corrected,"
              + " %.1f ms replica%n",
          correctedCount,
          trueErrorCount == 0 ? Double.NaN : trueErrorSum / trueErrorCount,
          meanStepMs(Phase.CORRECTED),
          meanStepMs(Phase.REPLICA));
    }
    return new Summary(c.runId(), c.resultsDir(), lastMetric[0], metricName, wall);
  }

  private double step(
      SparkWorkers workers,
      FaultPlan faults,
      Defense defense,
      LearningRateScaling scaling,
      Optimizer optimizer,
      float[] params,
      ResultSink sink,
      int epoch,
      int stepInEpoch,
      int globalStep) {
    int n = config.workers();
    long t0 = System.nanoTime();
    boolean[] flip = new boolean[n];
    for (int w = 0; w < n; w++) {
      flip[w] = faults.flipsLabels(w, globalStep);
    }
    Phase phase = schedule == null ? Phase.NORMAL : schedule.phase(globalStep);
    int[] owners = phase == Phase.REPLICA ? replicas.batchOwners(globalStep) : null;
    // A corrected label-flipping worker's true error is measured against its gradient on the true
    // labels, which only the worker can compute: ask for it (one more gradient per such worker).
    boolean[] cleanToo = null;
    if (phase == Phase.CORRECTED) {
      cleanToo = new boolean[n];
      for (int w = 0; w < n; w++) {
        cleanToo[w] = flip[w] && faults.isFaulty(w);
      }
    }
    SparkWorkers.StepGradients result =
        workers.gradients(params, epoch, stepInEpoch, flip, owners, cleanToo);
    long t1 = System.nanoTime();

    float[][] honest = new float[n][];
    // Decoding is a memory copy per worker; the executors' cores are idle now, so use them.
    result.gradients().parallelStream().forEach(g -> honest[g.worker()] = g.values());
    double lossSum = 0;
    for (WorkerGradient g : result.gradients()) {
      lossSum += g.loss();
    }
    double trainLoss = lossSum / n;
    float[][] reported = faults.apply(globalStep, honest);
    boolean[] corrected = new boolean[n];
    double[] correctionError = new double[n];
    if (phase == Phase.REPLICA) {
      replicaStep(faults, globalStep, honest, reported, owners);
    } else if (phase == Phase.CORRECTED) {
      float[][] truth = honest.clone();
      for (WorkerGradient g : result.gradients()) {
        if (g.clean() != null) {
          truth[g.worker()] = g.cleanValues();
        }
      }
      correctStep(sink, faults, globalStep, truth, reported, corrected, correctionError);
    }
    int arrived = 0;
    for (int w = 0; w < n; w++) {
      // A replica step leaves the faulty workers' gradients out of the aggregate (k = n − f).
      arrived += reported[w] != null && !(phase == Phase.REPLICA && faults.isFaulty(w)) ? 1 : 0;
    }
    float[][] rows = new float[arrived][];
    boolean[] rowFaulty = new boolean[arrived];
    int[] rowWorker = new int[arrived];
    for (int w = 0, j = 0; w < n; w++) {
      if (reported[w] != null && !(phase == Phase.REPLICA && faults.isFaulty(w))) {
        rows[j] = reported[w];
        rowFaulty[j] = faults.isFaulty(w);
        rowWorker[j++] = w;
      }
    }
    Aggregation aggregate = defense.apply(rows, rowFaulty);
    long t2 = System.nanoTime();
    double lr = scaling.apply(config.lr(), aggregate.kept());
    optimizer.step(params, aggregate.gradient(), lr);
    long t3 = System.nanoTime();

    boolean[] used = new boolean[n];
    for (int j = 0; j < arrived; j++) {
      used[rowWorker[j]] = aggregate.used()[j];
    }
    workerRows(
        sink, faults, globalStep, result, honest, reported, used, corrected, correctionError);
    double ms = 1e-6;
    timing[GRAD] += (t1 - t0) * ms;
    timing[BROADCAST] += result.broadcastMs();
    timing[COMPUTE] += result.computeMs();
    timing[AGGREGATE] += (t2 - t1) * ms;
    timing[UPDATE] += (t3 - t2) * ms;
    timing[STEP] += (System.nanoTime() - t0) * ms;
    phaseSteps[phase.ordinal()]++;
    phaseMs[phase.ordinal()] += (System.nanoTime() - t0) * ms;
    sink.step(
        RowFactory.create(
            config.runId(),
            epoch,
            globalStep,
            trainLoss,
            lr,
            aggregate.kept(),
            phase.label(),
            (t1 - t0) * ms,
            (t2 - t1) * ms,
            (System.nanoTime() - t0) * ms,
            result.broadcastMs(),
            result.computeMs(),
            (t3 - t2) * ms));
    return trainLoss;
  }

  /** Per-worker rows: norms and cosine to the honest workers' mean, computed in parallel. */
  private void workerRows(
      ResultSink sink,
      FaultPlan faults,
      int globalStep,
      SparkWorkers.StepGradients result,
      float[][] honest,
      float[][] reported,
      boolean[] used,
      boolean[] corrected,
      double[] correctionError) {
    int n = honest.length;
    float[][] honestRows =
        IntStream.range(0, n)
            .filter(w -> !faults.isFaulty(w))
            .mapToObj(w -> honest[w])
            .toArray(float[][]::new);
    float[] honestMean = Mean.mean(honestRows);
    double meanNorm = Math.sqrt(dot(honestMean, honestMean));
    double[][] stats = new double[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            w -> {
              float[] r = reported[w];
              stats[w] = r == null ? null : new double[] {Math.sqrt(dot(r, r)), dot(r, honestMean)};
            });
    for (WorkerGradient g : result.gradients()) {
      int w = g.worker();
      double[] s = stats[w];
      Double norm = s == null ? null : s[0];
      Double cos = s == null ? null : s[1] / (s[0] * meanNorm);
      boolean misbehaved = faults.misbehaves(w, globalStep);
      sink.worker(
          RowFactory.create(
              config.runId(),
              globalStep,
              w,
              g.batch(),
              faults.isFaulty(w),
              misbehaved ? faults.faultName(w) : null,
              used[w],
              norm,
              g.loss(),
              cos,
              corrected[w],
              corrected[w] ? correctionError[w] : null));
    }
  }

  /**
   * A replica step: each faulty worker computed a healthy worker's sub-batch, so its (corrupted)
   * report and that worker's true gradient form a training pair; after the last replica step of the
   * phase, one regression per faulty worker is fitted on its pairs.
   */
  private void replicaStep(
      FaultPlan faults, int globalStep, float[][] honest, float[][] reported, int[] owners) {
    for (int w = 0; w < honest.length; w++) {
      if (faults.isFaulty(w) && reported[w] != null) {
        replicaFaulty.computeIfAbsent(w, k -> new ArrayList<>()).add(reported[w]);
        replicaTrue.computeIfAbsent(w, k -> new ArrayList<>()).add(honest[owners[w]]);
        if (config.correction().collects()) {
          collected.add(new ReplicaData.Record(w, globalStep, reported[w], honest[owners[w]]));
        }
      }
    }
    if (!schedule.fitsAfter(globalStep)) {
      return;
    }
    if (config.correction().collects()) {
      String path = config.correction().collectPath();
      long rows = ReplicaData.write(spark, path, collected);
      out.printf(
          Locale.ROOT,
          "[DATA] Wrote %d replica pairs (%d coordinate rows) of workers %s to %s%n",
          collected.size(),
          rows,
          replicaFaulty.keySet(),
          path);
      collectionDone = true;
      return;
    }
    out.println(Corrector.TRAINING_LINE);
    for (Map.Entry<Integer, List<float[]>> e : replicaFaulty.entrySet()) {
      int w = e.getKey();
      if (!corrector.hasModel(w)) {
        out.println(Corrector.initLine(w));
      }
      Fit fit = corrector.fit(w, e.getValue(), replicaTrue.get(w));
      fitStep.put(w, globalStep);
      out.println(fit.lossLine());
    }
    replicaFaulty.clear();
    replicaTrue.clear();
  }

  /**
   * A corrected step: each faulty worker's report is replaced by weight × its model's prediction;
   * the true error is measured against the worker's honest gradient on its own batch.
   */
  private void correctStep(
      ResultSink sink,
      FaultPlan faults,
      int globalStep,
      float[][] honest,
      float[][] reported,
      boolean[] corrected,
      double[] correctionError) {
    IntStream.range(0, honest.length)
        .parallel()
        .filter(w -> faults.isFaulty(w) && reported[w] != null && corrector.hasModel(w))
        .forEach(
            w -> {
              reported[w] = corrector.correct(w, reported[w]);
              corrected[w] = true;
              correctionError[w] = Corrector.trueError(reported[w], honest[w]);
            });
    for (int w = 0; w < honest.length; w++) {
      if (corrected[w]) {
        correctedCount++;
        if (Double.isFinite(correctionError[w])) {
          trueErrorSum += correctionError[w];
          trueErrorCount++;
        }
        Fit fit = corrector.lastFit(w).orElseThrow();
        sink.correction(
            RowFactory.create(
                config.runId(),
                globalStep,
                w,
                fit.regressor(),
                fitStep.get(w),
                finiteOrNull(fit.mse()),
                finiteOrNull(fit.mape()),
                finiteOrNull(correctionError[w]),
                fit.fitMs()));
      }
    }
  }

  private double meanStepMs(Phase phase) {
    int steps = phaseSteps[phase.ordinal()];
    return steps == 0 ? Double.NaN : phaseMs[phase.ordinal()] / steps;
  }

  private static Double finiteOrNull(double value) {
    return Double.isFinite(value) ? value : null;
  }

  /**
   * The shards rows (each worker's label histogram), and a console line for a non-IID partition.
   */
  private void shards(ResultSink sink, BatchPlan batches) {
    if (!data.train().isClassification()) {
      return;
    }
    int[][] histogram = batches.labelHistogram(data.train());
    int smallest = Integer.MAX_VALUE;
    int largest = 0;
    for (int w = 0; w < histogram.length; w++) {
      int total = 0;
      for (int label = 0; label < histogram[w].length; label++) {
        sink.shard(RowFactory.create(config.runId(), w, label, histogram[w][label]));
        total += histogram[w][label];
      }
      smallest = Math.min(smallest, total);
      largest = Math.max(largest, total);
    }
    if (batches.isPooled()) {
      out.printf(
          Locale.ROOT,
          "partition: %s, %d to %d samples per worker, label skew (mean total-variation distance"
              + " to the global label distribution) %.3f%n",
          config.partition(),
          smallest,
          largest,
          Partitioners.meanTotalVariation(histogram));
    }
  }

  private double evaluate(
      SparkWorkers workers, float[] params, ResultSink sink, int epoch, int globalStep) {
    SparkWorkers.Evaluation e = workers.evaluate(params);
    timing[EVAL] += e.millis();
    out.printf(Locale.ROOT, "validation %s: %.4f%n", e.metricName(), e.metric());
    sink.eval(
        RowFactory.create(
            config.runId(), epoch, globalStep, e.metricName(), e.metric(), e.loss(), e.millis()));
    return e.metric();
  }

  private org.apache.spark.sql.Row runRow(
      long startedAt, String status, double finalMetric, String error) {
    SimulationConfig c = config;
    return RowFactory.create(
        c.runId(),
        new Timestamp(startedAt),
        new Timestamp(System.currentTimeMillis()),
        status,
        codeVersion(),
        json(c),
        c.dataset(),
        c.arch(),
        c.workers(),
        c.faulty().toArray(new Integer[0]),
        c.faulty().isEmpty()
            ? null
            : c.faultOf().isEmpty() ? c.fault() : c.fault() + " " + c.faultOf(),
        c.defense(),
        c.correction().enabled(),
        c.seed(),
        c.globalBatchSize(),
        c.epochs(),
        c.lr(),
        Double.isNaN(finalMetric) ? null : finalMetric,
        (System.currentTimeMillis() - startedAt) / 1e3,
        error);
  }

  // ---- Checkpoints (issue 8): the driver's state out and back in. ----

  /** A copy of the driver's state after {@code step}; the arrays are copies. */
  private Checkpoint checkpoint(
      int step,
      float[] params,
      Optimizer optimizer,
      Defense defense,
      double epochLoss,
      int epochSteps,
      double[] lastMetric,
      long startedAt) {
    Checkpoint.Progress progress =
        new Checkpoint.Progress(
            startedAt, epochLoss, epochSteps, lastMetric[0], timing, phaseSteps, phaseMs);
    Checkpoint.Correction correction =
        corrector == null
            ? null
            : new Checkpoint.Correction(
                corrector.fits(),
                fitStep,
                replicaFaulty,
                replicaTrue,
                correctedCount,
                trueErrorSum,
                trueErrorCount);
    return new Checkpoint(
        config, step, progress, params.clone(), optimizer.state(), defense.state(), correction);
  }

  /** Puts the driver's state back from {@link #resumeFrom}; returns the step it was taken after. */
  private int restore(float[] params, Optimizer optimizer, Defense defense, double[] lastMetric) {
    Checkpoint from = resumeFrom;
    if (from.params().length != params.length
        || (from.correction() == null) != (corrector == null)) {
      throw new IllegalStateException(
          "the checkpoint of run " + config.runId() + " is not of this configuration");
    }
    System.arraycopy(from.params(), 0, params, 0, params.length);
    optimizer.restore(from.optimizer());
    defense.restore(from.defense());
    Checkpoint.Progress p = from.progress();
    lastMetric[0] = p.lastMetric();
    System.arraycopy(p.timing(), 0, timing, 0, timing.length);
    System.arraycopy(p.phaseSteps(), 0, phaseSteps, 0, phaseSteps.length);
    System.arraycopy(p.phaseMs(), 0, phaseMs, 0, phaseMs.length);
    Checkpoint.Correction saved = from.correction();
    if (saved != null) {
      saved.fits().values().forEach(corrector::restore);
      fitStep.putAll(saved.fitSteps());
      saved.pendingFaulty().forEach((w, rows) -> replicaFaulty.put(w, new ArrayList<>(rows)));
      saved.pendingTrue().forEach((w, rows) -> replicaTrue.put(w, new ArrayList<>(rows)));
      correctedCount = saved.corrected();
      trueErrorSum = saved.trueErrorSum();
      trueErrorCount = saved.trueErrorCount();
    }
    return Math.toIntExact(from.step());
  }

  /** The configuration as JSON, the provenance every run row carries. */
  public static String json(SimulationConfig c) {
    try {
      return new ObjectMapper().writeValueAsString(c);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The version of this build. */
  public static String codeVersion() {
    String v = Simulation.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }

  /** a·b with eight float accumulators (pipelined; ample precision for a logged metric). */
  private static double dot(float[] a, float[] b) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int j = 0;
    for (int end = a.length - 7; j < end; j += 8) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
      s4 += a[j + 4] * b[j + 4];
      s5 += a[j + 5] * b[j + 5];
      s6 += a[j + 6] * b[j + 6];
      s7 += a[j + 7] * b[j + 7];
    }
    double s = (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    for (; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }
}
