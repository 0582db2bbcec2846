package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ftsim.aggregation.Defense;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.model.ModelSpec;

/**
 * The distributed part of a simulation: the simulated workers hosted by Spark partitions, which
 * compute gradients at broadcast parameters, and the distributed evaluation on the test set.
 *
 * <p>The datasets are broadcast once per run (compact: bytes for images); each step broadcasts only
 * the parameters, and each worker derives its own sub-batch from (seed, epoch, step, worker)
 * through the {@link BatchPlan}. Tasks therefore carry no data, and a lost task or executor is
 * recomputed by Spark with the same result.
 */
public final class SparkWorkers implements AutoCloseable {

  /** Test samples per evaluation chunk; fixed, so that totals do not depend on partitioning. */
  public static final int EVAL_CHUNK = 1000;

  /** The Spark setting that turns inline tasks off ({@code false}; see {@code InlineTasks}). */
  public static final String INLINE_TASKS = InlineTasks.KEY;

  private final JavaSparkContext jsc;
  private final ModelSpec model;
  private final int workers;
  private final int cores;
  private final Shared<Dataset> train;
  private final Shared<Dataset> test;
  private final Shared<BatchPlan> plan;
  private final JavaRDD<Integer> workerRdd;
  private final JavaRDD<Integer> evalRdd;
  private final Shared<Dataset> validation;
  private final JavaRDD<Integer> validationRdd;

  /** Parameter versions, unique in this driver JVM, so cached networks never mix up two runs. */
  private static final java.util.concurrent.atomic.AtomicLong VERSIONS =
      new java.util.concurrent.atomic.AtomicLong();

  /**
   * One step's gradients: the n × d matrix {@code honest} (row w: worker w's gradient as computed),
   * each worker's result without its gradient bytes ({@link WorkerGradient#gradient()} null), in
   * worker order, and the time spent in each phase.
   */
  public record StepGradients(
      float[][] honest,
      List<WorkerGradient> gradients,
      double broadcastMs,
      double jobMs,
      double computeMs) {}

  /** An evaluation: accuracy (classification) or MSE (regression), and the mean test loss. */
  public record Evaluation(double metric, double loss, String metricName, double millis) {}

  /**
   * Hosts {@code workers} workers on {@code partitions} partitions (contiguous blocks of workers).
   */
  public SparkWorkers(
      JavaSparkContext jsc,
      ModelSpec model,
      Dataset trainSet,
      Dataset testSet,
      BatchPlan batchPlan,
      int workers,
      int partitions) {
    this(jsc, model, trainSet, testSet, null, batchPlan, workers, partitions, 0);
  }

  /**
   * Hosts {@code workers} workers on {@code partitions} partitions (contiguous blocks of workers),
   * or more when the gradients of {@code parameters} floats of one partition would make too large a
   * task result ({@link #gradientTasks}); {@code validationSet} is the held-out validation set
   * ({@code --validation}; null: none).
   */
  public SparkWorkers(
      JavaSparkContext jsc,
      ModelSpec model,
      Dataset trainSet,
      Dataset testSet,
      Dataset validationSet,
      BatchPlan batchPlan,
      int workers,
      int partitions,
      long parameters) {
    this.jsc = jsc;
    this.model = model;
    this.workers = workers;
    this.cores = Math.max(1, Math.min(partitions, workers));
    this.train = new Shared<>(jsc, trainSet);
    this.test = new Shared<>(jsc, testSet);
    this.plan = new Shared<>(jsc, batchPlan);
    List<Integer> ids = IntStream.range(0, workers).boxed().toList();
    this.workerRdd = jsc.parallelize(ids, gradientTasks(workers, partitions, parameters));
    this.evalRdd = chunks(jsc, testSet, partitions);
    this.validation = validationSet == null ? null : new Shared<>(jsc, validationSet);
    this.validationRdd = validationSet == null ? null : chunks(jsc, validationSet, partitions);
  }

  private static JavaRDD<Integer> chunks(JavaSparkContext jsc, Dataset set, int partitions) {
    int chunks = (set.size() + EVAL_CHUNK - 1) / EVAL_CHUNK;
    return jsc.parallelize(
        IntStream.range(0, chunks).boxed().toList(), Math.min(partitions, chunks));
  }

  /**
   * Computes every worker's gradient at {@code params}.
   *
   * @param epoch the epoch, from 1
   * @param step the step within the epoch, from 0
   * @param flipLabels per worker, whether it trains on flipped labels this step
   */
  public StepGradients gradients(float[] params, int epoch, int step, boolean[] flipLabels) {
    return gradients(params, epoch, step, flipLabels, null, null);
  }

  /**
   * As {@link #gradients(float[], int, int, boolean[])}, with worker w computing on the sub-batch
   * of worker {@code batchOwner[w]} (the replica phase of gradient correction; null: its own), and
   * a flipping worker w with {@code cleanToo[w]} also computing its gradient on the true labels
   * (null: none does).
   */
  public StepGradients gradients(
      float[] params,
      int epoch,
      int step,
      boolean[] flipLabels,
      int[] batchOwner,
      boolean[] cleanToo) {
    return compute(params, epoch, step, flipLabels, batchOwner, cleanToo, false);
  }

  /**
   * Redundant copies ({@code --detect redundancy}): worker w computes the sub-batch of {@code
   * batchOwner[w]} with that owner's random draws (dropout masks), so that an honest copy equals
   * the owner's own gradient bit for bit; on flipped labels when {@code flipLabels[w]}.
   */
  public StepGradients copies(
      float[] params, int epoch, int step, boolean[] flipLabels, int[] batchOwner) {
    return compute(params, epoch, step, flipLabels, batchOwner, null, true);
  }

  private StepGradients compute(
      float[] params,
      int epoch,
      int step,
      boolean[] flipLabels,
      int[] batchOwner,
      boolean[] cleanToo,
      boolean ownersDraws) {
    long t0 = System.nanoTime();
    // Decided once per job: inline tasks read the driver's own copies, Spark tasks broadcasts.
    boolean inline = InlineTasks.applies(workerRdd);
    JobParameters p = JobParameters.of(jsc, params, inline);
    long t1 = System.nanoTime();
    float[][] honest = new float[workers][];
    GradientTask task =
        new GradientTask(
            model,
            train.forJob(inline),
            plan.forJob(inline),
            p,
            VERSIONS.incrementAndGet(),
            epoch,
            step,
            flipLabels,
            batchOwner,
            cleanToo,
            ownersDraws);
    if (inline) {
      task.into(honest);
    }
    List<WorkerGradient> result =
        GradientStream.run(workerRdd, "gradients " + epoch + ":" + step, task, honest);
    long t2 = System.nanoTime();
    p.destroy();
    if (result.size() != workers) {
      throw new IllegalStateException("expected " + workers + " gradients, got " + result.size());
    }
    long[] perPartition = new long[workerRdd.getNumPartitions()];
    for (WorkerGradient g : result) {
      perPartition[g.partition()] += g.nanos();
    }
    // With more tasks than cores, a core runs several tasks: the compute time is at least the
    // total spread over the cores.
    long slowest = 0;
    long total = 0;
    for (long nanos : perPartition) {
      slowest = Math.max(slowest, nanos);
      total += nanos;
    }
    slowest = Math.max(slowest, total / cores);
    return new StepGradients(honest, result, (t1 - t0) / 1e6, (t2 - t1) / 1e6, slowest / 1e6);
  }

  /** The gradient task of one normal step (own sub-batches, no truth asked) at {@code params}. */
  GradientTask task(JobParameters params, int epoch, int step, boolean[] flipLabels) {
    return new GradientTask(
        model,
        // For a job over an RDD derived from the workers' (never inline).
        train.spark(),
        plan.spark(),
        params,
        VERSIONS.incrementAndGet(),
        epoch,
        step,
        flipLabels,
        null,
        null,
        false);
  }

  /** The RDD of worker ids, one partition per gradient task. */
  JavaRDD<Integer> workerRdd() {
    return workerRdd;
  }

  /** The partitions that compute at once. */
  int cores() {
    return cores;
  }

  /**
   * Steps that run the faults of {@code faults} and the run's {@code defense} (the rule {@code
   * rule} for f = {@code tolerated}, seeded by {@code seed}; one that {@link
   * org.ftsim.driver.OnExecutors} accepts) on the executors, over {@code parameters}-float
   * gradients. A defense that plans on distances keeps its state (centered clipping's centre) in
   * {@code defense}, as the driver mode does.
   */
  public ExecutorAggregation onExecutors(
      FaultSpec faults, Defense defense, String rule, int tolerated, long seed, int parameters) {
    return new ExecutorAggregation(
        jsc, this, faults, defense, rule, tolerated, seed, parameters, cores);
  }

  /** Evaluates the network at {@code params} on the whole test set. */
  public Evaluation evaluate(float[] params) {
    return evaluate(params, test, evalRdd);
  }

  /** Evaluates the network at {@code params} on the held-out validation set, or null if none. */
  public Evaluation evaluateValidation(float[] params) {
    return validation == null ? null : evaluate(params, validation, validationRdd);
  }

  private Evaluation evaluate(float[] params, Shared<Dataset> test, JavaRDD<Integer> evalRdd) {
    long t0 = System.nanoTime();
    boolean inline = InlineTasks.applies(evalRdd);
    JobParameters p = JobParameters.of(jsc, params, inline);
    List<EvalChunk> chunks =
        new ArrayList<>(
            PartitionTask.runJob(
                evalRdd,
                "evaluation",
                new EvalTask(
                    model, test.forJob(inline), p, VERSIONS.incrementAndGet(), EVAL_CHUNK)));
    p.destroy();
    chunks.sort(Comparator.comparingInt(EvalChunk::chunk));
    long count = 0;
    long correct = 0;
    double loss = 0;
    for (EvalChunk c : chunks) {
      count += c.count();
      correct += c.correct();
      loss += c.lossSum();
    }
    double millis = (System.nanoTime() - t0) / 1e6;
    double meanLoss = loss / count;
    return model.regression()
        ? new Evaluation(meanLoss, meanLoss, "mse", millis)
        : new Evaluation((double) correct / count, meanLoss, "accuracy", millis);
  }

  /**
   * The number of gradient tasks per step for {@code workers} workers of {@code parameters}-float
   * gradients on {@code partitions} partitions: the partitions, or more so that no task returns
   * more than {@link GradientStream#TASK_RESULT_BYTES} (32 MB) of gradients.
   */
  public static int gradientTasks(int workers, int partitions, long parameters) {
    return GradientStream.tasks(workers, partitions, parameters);
  }

  /** The number of partitions hosting the workers. */
  public int partitions() {
    return workerRdd.getNumPartitions();
  }

  @Override
  public void close() {
    train.destroy();
    test.destroy();
    plan.destroy();
    if (validation != null) {
      validation.destroy();
    }
  }
}
