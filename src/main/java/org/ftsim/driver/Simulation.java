package org.ftsim.driver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.checkpoint.Checkpointing;
import org.ftsim.checkpoint.WrittenRows;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.TrainTest;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Rows;
import org.ftsim.results.Rows.EvalRow;
import org.ftsim.spark.SparkWorkers;

/**
 * The run loop of one run (SPEC §4): epochs of steps through the {@link StepPipeline}, evaluations
 * at half and full epochs (or every {@code --eval-every} steps), checkpoints, and the stop
 * conditions: the last epoch, {@code --max-steps}, the end of a data collection, or a step whose
 * parameters or aggregate are no longer finite (the run diverged: a result, not an error).
 */
public final class Simulation {

  /** What a run reports: its status is {@code finished} or {@code diverged}. */
  public record Summary(
      String runId,
      String resultsDir,
      String status,
      double finalMetric,
      String metricName,
      double wallSeconds) {}

  private final SimulationConfig config;
  private final TrainTest data;
  private final Components parts;
  private final SparkSession spark;
  private final Console console;
  private final CorrectionStage correction;
  private final List<Consumer<Rows.Result>> listeners = new ArrayList<>();
  private final DetectionStage detection;
  private Checkpoint resumeFrom;
  private RunState state;

  /** A run of {@code config} (checked, with a run id) with its components, over {@code data}. */
  public Simulation(
      SimulationConfig config,
      TrainTest data,
      Components parts,
      SparkSession spark,
      PrintStream out) {
    this.config = config;
    this.data = data;
    this.parts = parts;
    this.spark = spark;
    this.console = new Console(out);
    this.correction = Assembly.correction(config, spark);
    this.detection = Assembly.detection(config);
  }

  /**
   * Continues the run of {@code checkpoint} (whose configuration this simulation's is, but for
   * where it runs) after its step: the run ends as the uninterrupted one would, and no row already
   * on disk is written again. Returns this simulation.
   */
  public Simulation resumeFrom(Checkpoint checkpoint) {
    this.resumeFrom = checkpoint;
    return this;
  }

  /**
   * Hands {@code listener} every row of the run as it is produced, the runs row last (see {@link
   * ResultSink#listen}). Returns this simulation.
   */
  public Simulation listen(Consumer<Rows.Result> listener) {
    listeners.add(listener);
    return this;
  }

  /** Runs to the end; a failure still writes a {@code failed} runs row, after the rows so far. */
  public Summary run() {
    String dir = config.run().resultsDir();
    ResultSink sink = new ResultSink(spark, dir);
    listeners.forEach(sink::listen);
    if (resumeFrom != null) {
      WrittenRows.deleteUncommitted(spark, dir, config.runId());
      sink.skipWritten(WrittenRows.read(spark, dir, config.runId()));
      WrittenRows.deleteRunsRow(spark, dir, config.runId());
    }
    state = RunState.start(config, parts, correction, detection, resumeFrom);
    Checkpointing checkpoints = Checkpointing.of(config, spark, resumeFrom, console.out());
    try {
      Summary summary = train(sink, checkpoints);
      sink.flush();
      sink.run(runRow(summary.status(), null));
      sink.await();
      if (checkpoints != null) {
        checkpoints.finished();
      }
      return summary;
    } catch (RuntimeException | Error e) {
      try {
        sink.flush();
        sink.run(runRow("failed", e instanceof RunFailure ? e.getMessage() : String.valueOf(e)));
        sink.await();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }

  private Summary train(ResultSink sink, Checkpointing checkpoints) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = config.run().proc() > 0 ? config.run().proc() : jsc.defaultParallelism();
    console.header(
        config,
        parts,
        Math.min(partitions, config.workers()),
        json(config),
        state.params.length,
        spark.sparkContext().master());
    ShardRows.add(config, data.train(), sink, parts.batches(), console);
    BatchPlan batches = parts.batches();
    int perEpoch = batches.stepsPerEpoch();
    int halfEpoch = Math.max(1, perEpoch / 2);
    long maxSteps = config.run().maxSteps();
    int evalEvery = config.run().evalEvery();
    int first = state.step;
    boolean stop = maxSteps > 0 && state.step >= maxSteps;
    String divergence = null;
    try (SparkWorkers workers =
            new SparkWorkers(
                jsc,
                parts.model(),
                data.train(),
                data.test(),
                data.validation(),
                batches,
                config.workers(),
                partitions,
                state.params.length);
        StepPipeline pipeline =
            new StepPipeline(
                config,
                parts,
                correction,
                detection,
                workers,
                sink,
                console,
                DriverMemory.holdsTwoSteps(config, parts, data))) {
      for (int epoch = first / perEpoch + 1;
          epoch <= config.training().epochs() && !stop;
          epoch++) {
        // A resumed run starts inside its checkpoint's epoch, unless that step ended it.
        int from = epoch == first / perEpoch + 1 ? first % perEpoch : 0;
        if (from == 0) {
          state.newEpoch();
        }
        for (int s = from; s < perEpoch && !stop; s++) {
          StepPipeline.Outcome outcome = pipeline.step(state.params, epoch, s, ++state.step);
          state.took(outcome.row());
          if (state.step % config.run().logEvery() == 0) {
            console.step(
                epoch, config.training().epochs(), s + 1, perEpoch, outcome.row().trainLoss());
          }
          divergence = outcome.divergence();
          stop =
              divergence != null
                  || maxSteps > 0 && state.step >= maxSteps
                  || correction != null && correction.collectionDone();
          boolean evalNow =
              evalEvery > 0
                  ? state.step % evalEvery == 0 || s + 1 == perEpoch
                  : s + 1 == halfEpoch || s + 1 == perEpoch;
          if (divergence == null && (evalNow || stop)) {
            evaluate(workers, sink, epoch);
          }
          if (divergence == null && checkpoints != null && checkpoints.due(state.step)) {
            pipeline.settle();
            checkpoints.save(sink, state.checkpoint(config, parts, correction, detection));
          }
        }
        if (state.epochSteps == perEpoch) {
          console.epochDone(epoch, state.epochLoss / state.epochSteps);
        }
        pipeline.settle();
        sink.flush();
      }
    }
    if (divergence == null && checkpoints != null && checkpoints.dueAtEnd(state.step)) {
      checkpoints.save(sink, state.checkpoint(config, parts, correction, detection));
    }
    if (detection != null) {
      sink.add(detection.row(config.runId()));
    }
    double wall = (System.currentTimeMillis() - state.startedAt) / 1e3;
    String metricName = data.train().isClassification() ? "accuracy" : "mse";
    if (divergence != null) {
      console.diverged(state.step, divergence);
      console.timings(state.timings);
      state.divergence = divergence;
      return new Summary(
          config.runId(), config.run().resultsDir(), "diverged", Double.NaN, metricName, wall);
    }
    if (detection != null) {
      console.lines(List.of(detection.summary()));
    }
    console.summary(
        metricName,
        state.lastMetric,
        state.step,
        wall,
        state.timings,
        correction == null || correction.collects() ? null : correction.state());
    return new Summary(
        config.runId(), config.run().resultsDir(), "finished", state.lastMetric, metricName, wall);
  }

  private void evaluate(SparkWorkers workers, ResultSink sink, int epoch) {
    SparkWorkers.Evaluation e = workers.evaluate(state.params);
    state.timings = state.timings.plusEval(e.millis());
    state.lastMetric = e.metric();
    console.validation(e.metricName(), e.metric());
    sink.add(
        new EvalRow(
            config.runId(), epoch, state.step, e.metricName(), e.metric(), e.loss(), e.millis()));
    // The held-out validation set (--validation): rows named val_<metric>, its loss as test_loss.
    SparkWorkers.Evaluation v = workers.evaluateValidation(state.params);
    if (v != null) {
      state.timings = state.timings.plusEval(v.millis());
      console.heldOut(v.metricName(), v.metric());
      String name = "val_" + v.metricName();
      sink.add(
          new EvalRow(config.runId(), epoch, state.step, name, v.metric(), v.loss(), v.millis()));
    }
  }

  private Rows.RunRow runRow(String status, String error) {
    SimulationConfig c = config;
    long now = System.currentTimeMillis();
    return new Rows.RunRow(
        c.runId(),
        new Timestamp(state.startedAt),
        new Timestamp(now),
        status,
        codeVersion(),
        json(c),
        c.data().dataset(),
        c.training().arch(),
        c.workers(),
        c.faults().faulty(),
        c.faults().label(),
        c.defense().defense(),
        c.correction().enabled(),
        c.seed(),
        c.data().globalBatchSize(),
        c.training().epochs(),
        c.training().lr(),
        status.equals("diverged") || Double.isNaN(state.lastMetric) ? null : state.lastMetric,
        (now - state.startedAt) / 1e3,
        state.step,
        status.equals("diverged") ? state.divergence : error);
  }

  /** The configuration as JSON, the provenance every runs row carries. */
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
}
