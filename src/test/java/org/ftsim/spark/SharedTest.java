package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;

class SharedTest {

  /** Returns, per id, the shared array's element at that id, read through the broadcast. */
  static final class Read extends PartitionTask<Integer> {
    private static final long serialVersionUID = 1L;
    private final Broadcast<int[]> values;

    Read(Broadcast<int[]> values) {
      this.values = values;
    }

    @Override
    List<Integer> run(int partition, List<Integer> ids) {
      return ids.stream().map(id -> values.value()[id]).toList();
    }
  }

  private static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
  }

  @Test
  void inlineJobsReadTheDriversCopyAndSparkJobsABroadcastMadeOnce() {
    JavaSparkContext jsc = jsc();
    int[] values = {5, 7, 11, 13};
    Shared<int[]> shared = new Shared<>(jsc, values);
    JavaRDD<Integer> rdd = jsc.parallelize(List.of(0, 1, 2, 3), 2);
    // A local master runs the job inline: the task gets the driver's array, no broadcast is made.
    Broadcast<int[]> inline = shared.forJob(InlineTasks.applies(rdd));
    assertInstanceOf(LocalValue.class, inline);
    assertSame(values, inline.value());
    assertArrayEquals(
        new Object[] {5, 7, 11, 13}, PartitionTask.runJob(rdd, "read", new Read(inline)).toArray());
    // A job that must be a Spark job gets a real broadcast, the same one for every job.
    jsc.setLocalProperty(InlineTasks.KEY, "false");
    try {
      Broadcast<int[]> spark = shared.forJob(InlineTasks.applies(rdd));
      assertFalse(spark instanceof LocalValue);
      assertSame(spark, shared.forJob(InlineTasks.applies(rdd)));
      assertSame(spark, shared.spark());
      assertArrayEquals(
          new Object[] {5, 7, 11, 13},
          PartitionTask.runJob(rdd, "read", new Read(spark)).toArray());
      shared.destroy();
      assertTrue(!spark.isValid());
    } finally {
      jsc.setLocalProperty(InlineTasks.KEY, null);
    }
  }
}
