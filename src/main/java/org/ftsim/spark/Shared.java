package org.ftsim.spark;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A value of a run that tasks read (a dataset, the batch plan): held in this JVM for tasks that run
 * inline ({@link InlineTasks}), broadcast by Spark the first time a Spark job needs it. With a
 * local master and inline tasks no broadcast is ever made: a broadcast of MNIST's training set
 * serialised and compressed 47 MB at start-up (0.1 s, 60 MB of peak memory) for tasks that read the
 * driver's own copy.
 */
final class Shared<T> {

  private final JavaSparkContext jsc;
  private final LocalValue<T> local;
  private Broadcast<T> broadcast;

  Shared(JavaSparkContext jsc, T value) {
    this.jsc = jsc;
    this.local = new LocalValue<>(value);
  }

  /**
   * The value for the tasks of a job: this JVM's when they run {@code inline} ({@link
   * InlineTasks#applies}), else the broadcast.
   */
  Broadcast<T> forJob(boolean inline) {
    return inline ? local : spark();
  }

  /** The value as a Spark broadcast, made on first use. */
  synchronized Broadcast<T> spark() {
    if (broadcast == null) {
      broadcast = jsc.broadcast(local.value());
    }
    return broadcast;
  }

  /** Destroys the broadcast, if one was made. */
  synchronized void destroy() {
    if (broadcast != null) {
      broadcast.destroy(false);
    }
  }
}
