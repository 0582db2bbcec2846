package org.ftsim.spark;

import java.io.Serializable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A job's parameters as its tasks read them: a Spark broadcast of their bytes, or, for tasks that
 * run inline ({@link InlineTasks}), the driver's own array, copied straight into each task's
 * network. The inline form skips the encoding of the parameters into bytes on the step's path and
 * their decoding in every task (issue 15); it is never serialised (an inline task is not), and the
 * driver does not touch the array until the job has returned.
 */
final class JobParameters implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> bytes;
  private final transient float[] local;

  private JobParameters(Broadcast<byte[]> bytes, float[] local) {
    this.bytes = bytes;
    this.local = local;
  }

  /** {@code params} for a job whose tasks run {@code inline}, else broadcast as bytes. */
  static JobParameters of(JavaSparkContext jsc, float[] params, boolean inline) {
    return inline ? new JobParameters(null, params) : broadcast(jsc, params);
  }

  /** {@code params} broadcast as bytes (a Spark job's tasks). */
  static JobParameters broadcast(JavaSparkContext jsc, float[] params) {
    return new JobParameters(jsc.broadcast(FloatBytes.encode(params)), null);
  }

  /** Loads the parameters into {@code entry}'s network unless version {@code version} is in. */
  void loadInto(NetworkCache.Entry entry, long version) {
    if (local != null) {
      entry.load(local, version);
    } else {
      entry.load(bytes.value(), version);
    }
  }

  /** Releases the broadcast, if any, once the job is done. */
  void destroy() {
    if (bytes != null) {
      bytes.destroy(false);
    }
  }
}
