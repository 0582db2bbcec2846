package org.ftsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;

/**
 * One step's gradients job, whose results are decoded into the n × d matrix as each task's arrive,
 * so that the driver holds a worker's gradient once (as floats) and never the whole step as bytes.
 *
 * <p>The workers are dealt into more tasks than cores when a task's result would exceed {@link
 * #TASK_RESULT_BYTES}: a task's result is serialized whole on the executor and kept in the block
 * manager until the driver has fetched it, so a few large results (512 workers × 1.9 MB of MLP
 * gradients from one partition) cost gigabytes at once where small ones stream.
 */
final class GradientStream {

  /** Largest result (gradient bytes) of one gradients task. */
  static final long TASK_RESULT_BYTES = 32L << 20;

  private GradientStream() {}

  /**
   * The number of gradient tasks per step: {@code proc} (at most one per worker), more when a task
   * of {@code workers / proc} workers would return more than {@link #TASK_RESULT_BYTES} of {@code
   * parameters}-float gradients. The result never depends on it.
   */
  static int tasks(int workers, int proc, long parameters) {
    long perWorker = Math.max(1, parameters) * Float.BYTES;
    long perTask = Math.max(1, TASK_RESULT_BYTES / perWorker);
    long needed = (workers + perTask - 1) / perTask;
    return (int) Math.min(workers, Math.max(Math.min(proc, workers), needed));
  }

  /**
   * Runs {@code task} over {@code rdd}; decodes worker w's gradient into {@code honest[w]} as its
   * task's result arrives, and returns the workers' results in worker order with their gradient
   * bytes dropped (the rest kept: loss, batch, timing, clean gradient, statistics).
   */
  static List<WorkerGradient> run(
      JavaRDD<Integer> rdd, String description, GradientTask task, float[][] honest) {
    List<WorkerGradient> all =
        new ArrayList<>(
            PartitionTask.runJob(rdd, description, task, result -> decode(result, honest)));
    all.sort(java.util.Comparator.comparingInt(WorkerGradient::worker));
    return all;
  }

  /** Decodes each gradient into {@code honest}; the results without their gradient bytes. */
  private static List<WorkerGradient> decode(List<WorkerGradient> result, float[][] honest) {
    List<WorkerGradient> kept = new ArrayList<>(result.size());
    for (WorkerGradient g : result) {
      if (g.gradient() != null) { // else written into honest by an inline task
        honest[g.worker()] = FloatBytes.decode(g.gradient());
      }
      kept.add(
          new WorkerGradient(
              g.worker(),
              null,
              g.loss(),
              g.batch(),
              g.partition(),
              g.nanos(),
              g.clean(),
              g.statistics()));
    }
    return kept;
  }
}
