package org.ftsim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.spark.SparkContext;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import scala.collection.JavaConverters;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;
import scala.runtime.AbstractFunction2;
import scala.runtime.BoxedUnit;

/**
 * A job over every partition of an RDD whose results the driver takes one partition at a time, as
 * they arrive ({@link SparkContext#runJob} with a result handler), instead of holding them all as
 * {@code collect} does: the partial distances of 1,024 workers are 4 MB per block.
 *
 * @param <T> the RDD's elements
 */
final class ArrivingJob<T>
    extends AbstractFunction2<TaskContext, scala.collection.Iterator<T>, List<T>>
    implements Serializable {

  private static final long serialVersionUID = 1L;

  @Override
  public List<T> apply(TaskContext context, scala.collection.Iterator<T> items) {
    List<T> list = new ArrayList<>();
    while (items.hasNext()) {
      list.add(items.next());
    }
    return list;
  }

  /**
   * Runs {@code rdd} as a job named {@code description}, passing each partition's elements to
   * {@code onArrival} (with the partition's index) on the driver, in the order they arrive.
   */
  static <T> void run(JavaRDD<T> rdd, String description, BiConsumer<Integer, List<T>> onArrival) {
    List<Object> indices = new ArrayList<>();
    for (int p = 0; p < rdd.getNumPartitions(); p++) {
      indices.add(p);
    }
    @SuppressWarnings({"unchecked", "rawtypes"})
    ClassTag<List<T>> tag = (ClassTag) ClassTag$.MODULE$.apply(List.class);
    SparkContext context = rdd.context();
    context.setJobDescription(description);
    try {
      context.runJob(
          rdd.rdd(),
          new ArrivingJob<T>(),
          JavaConverters.asScalaBufferConverter(indices).asScala().toSeq(),
          new AbstractFunction2<Object, List<T>, BoxedUnit>() {
            @Override
            public BoxedUnit apply(Object index, List<T> result) {
              onArrival.accept((Integer) index, result);
              return BoxedUnit.UNIT;
            }
          },
          tag);
    } finally {
      context.setJobDescription(null);
    }
  }
}
