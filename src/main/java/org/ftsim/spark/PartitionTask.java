package org.ftsim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * Work done by every partition of an RDD of ids, run as one Spark job whose results come back in
 * partition order.
 *
 * <p>A task is a named class run through {@link SparkContext#runJob} directly: Spark's
 * ClosureCleaner inspects the bytecode of anonymous functions (those behind {@code
 * mapPartitions(...).collect()}) by reading class files from their jars at every job, which cost
 * several milliseconds per step; named classes are left alone.
 *
 * @param <U> what one partition returns per id
 */
abstract class PartitionTask<U>
    extends AbstractFunction2<TaskContext, scala.collection.Iterator<Integer>, List<U>>
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Computes the results of the ids of partition {@code partition}. */
  abstract List<U> run(int partition, List<Integer> ids);

  @Override
  public final List<U> apply(TaskContext context, scala.collection.Iterator<Integer> ids) {
    List<Integer> list = new ArrayList<>();
    while (ids.hasNext()) {
      list.add(ids.next());
    }
    return run(context.partitionId(), list);
  }

  /**
   * Runs {@code task} over every partition of {@code rdd} as a job named {@code description} in
   * Spark's UI and event log (bench/cluster finds the gradient jobs by it); the results in
   * partition order.
   */
  static <U> List<U> runJob(JavaRDD<Integer> rdd, String description, PartitionTask<U> task) {
    return runJob(rdd, description, task, result -> result);
  }

  /**
   * As above, each partition's results passed through {@code onArrival} on the driver as they
   * arrive (before the other partitions' are in), e.g. to decode and drop bytes early. With a local
   * master the partitions run on this JVM's threads ({@link InlineTasks}), and {@code onArrival} on
   * the thread that computed them, concurrently for different partitions: it must touch only what
   * belongs to the partition it is given.
   */
  static <U> List<U> runJob(
      JavaRDD<Integer> rdd,
      String description,
      PartitionTask<U> task,
      java.util.function.UnaryOperator<List<U>> onArrival) {
    if (InlineTasks.applies(rdd)) {
      List<U> all = new ArrayList<>();
      InlineTasks.run(rdd, task, onArrival).forEach(all::addAll);
      return all;
    }
    int partitions = rdd.getNumPartitions();
    List<List<U>> results = new ArrayList<>(Collections.nCopies(partitions, null));
    List<Object> indices = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      indices.add(p);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    ClassTag<List<U>> tag = (ClassTag) ClassTag$.MODULE$.apply(List.class);
    SparkContext context = rdd.context();
    context.setJobDescription(description);
    try {
      context.runJob(
          rdd.rdd(),
          task,
          JavaConverters.asScalaBufferConverter(indices).asScala().toSeq(),
          new AbstractFunction2<Object, List<U>, BoxedUnit>() {
            @Override
            public BoxedUnit apply(Object index, List<U> result) {
              results.set((Integer) index, onArrival.apply(result));
              return BoxedUnit.UNIT;
            }
          },
          tag);
    } finally {
      context.setJobDescription(null);
    }
    List<U> all = new ArrayList<>();
    results.forEach(all::addAll);
    return all;
  }
}
