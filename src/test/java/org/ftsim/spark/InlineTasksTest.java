package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;

class InlineTasksTest {

  /** Returns, per id, "partition:id:thread-kind". */
  static final class Echo extends PartitionTask<String> {
    private static final long serialVersionUID = 1L;

    @Override
    List<String> run(int partition, List<Integer> ids) {
      List<String> out = new ArrayList<>();
      for (int id : ids) {
        if (id == -1) {
          throw new IllegalArgumentException("worker -1 failed");
        }
        out.add(partition + ":" + id);
      }
      return out;
    }
  }

  private static JavaSparkContext jsc() {
    return JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
  }

  private static List<String> run(JavaRDD<Integer> rdd, boolean inline) {
    JavaSparkContext jsc = jsc();
    jsc.setLocalProperty(InlineTasks.KEY, String.valueOf(inline));
    try {
      assertEquals(inline, InlineTasks.applies(rdd));
      return PartitionTask.runJob(rdd, "echo", new Echo());
    } finally {
      jsc.setLocalProperty(InlineTasks.KEY, null);
    }
  }

  @Test
  void slotsOfLocalMastersOnly() {
    assertEquals(1, InlineTasks.slots("local"));
    assertEquals(4, InlineTasks.slots("local[4]"));
    assertEquals(3, InlineTasks.slots("local[3,2]"));
    assertEquals(Runtime.getRuntime().availableProcessors(), InlineTasks.slots("local[*]"));
    assertEquals(0, InlineTasks.slots("spark://host:7077"));
    assertEquals(0, InlineTasks.slots("yarn"));
    assertEquals(0, InlineTasks.slots("local-cluster[2,1,1024]"));
  }

  @Test
  void inlinePartitionsHoldWhatSparksTasksHold() {
    // Every layout the workers and the evaluation chunks use: the same ids per partition, in
    // partition order, whichever way the job runs.
    for (int n : new int[] {1, 5, 16, 17, 100}) {
      for (int p : new int[] {1, 2, 3, 7}) {
        JavaRDD<Integer> rdd = jsc().parallelize(IntStream.range(0, n).boxed().toList(), p);
        List<String> spark = run(rdd, false);
        assertEquals(n, spark.size());
        assertEquals(spark, run(rdd, true), n + " ids on " + p + " partitions");
      }
    }
  }

  @Test
  void aFailingPartitionFailsTheJobWithItsOwnException() {
    JavaRDD<Integer> rdd = jsc().parallelize(List.of(0, 1, -1, 3), 2);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(rdd, true));
    assertEquals("worker -1 failed", e.getMessage());
  }

  @Test
  void onlyParallelizedCollectionsRunInline() {
    JavaRDD<Integer> rdd = jsc().parallelize(List.of(1, 2, 3), 2);
    assertTrue(InlineTasks.applies(rdd));
    assertFalse(InlineTasks.applies(rdd.map(x -> x + 1)));
  }
}
