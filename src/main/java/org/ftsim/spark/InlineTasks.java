package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.Partition;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.ParallelCollectionPartition;
import org.apache.spark.rdd.ParallelCollectionRDD;
import scala.collection.JavaConverters;

/**
 * Runs the partitions of a job on this JVM's threads instead of as Spark tasks, when the master is
 * local: there Spark's executor is this JVM anyway, and a job's scheduling, task serialisation and
 * result hand-over cost a step of the MLP as much as its gradients (issue 15). Each partition runs
 * the same {@link PartitionTask#run} on the same ids as its Spark task would, on one of as many
 * threads as the master has slots ({@code local[N]}: N), so the results are the same bits. Off with
 * {@code --conf spark.ftsim.inlineTasks=false}, or for one thread's jobs with the local property of
 * that name: then every job is a Spark job, as on a cluster.
 */
final class InlineTasks {

  /** The Spark configuration key that turns inline tasks off ({@code false}). */
  static final String KEY = "spark.ftsim.inlineTasks";

  private static final Pattern LOCAL = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?\\]");

  /** One pool per slot count, shared by the runs of this JVM, as Spark's slots would be. */
  private static final Map<Integer, ExecutorService> POOLS = new ConcurrentHashMap<>();

  private InlineTasks() {}

  /**
   * The number of task slots of a local master ({@code local}: 1, {@code local[N]}: N, {@code
   * local[*]}: the cores), or 0 if {@code master} is not local or inline tasks are off.
   */
  static int slots(SparkContext context) {
    // A local property (of the calling thread) overrides the application's configuration.
    String local = context.getLocalProperty(KEY);
    boolean on = local != null ? Boolean.parseBoolean(local) : context.conf().getBoolean(KEY, true);
    return on ? slots(context.master()) : 0;
  }

  static int slots(String master) {
    if ("local".equals(master)) {
      return 1;
    }
    Matcher m = LOCAL.matcher(master);
    if (!m.matches()) {
      return 0;
    }
    return "*".equals(m.group(1))
        ? Runtime.getRuntime().availableProcessors()
        : Integer.parseInt(m.group(1));
  }

  /** Whether {@code rdd}'s job can run inline: a local master and a parallelized collection. */
  static boolean applies(JavaRDD<Integer> rdd) {
    // The RDD itself, not one derived from it (a map of it has the same partitions).
    return slots(rdd.context()) > 0 && rdd.rdd() instanceof ParallelCollectionRDD;
  }

  /**
   * Runs {@code task} on every partition of {@code rdd}; each partition's results pass through
   * {@code onArrival} on the thread that computed them, right after (the gradients' decoding then
   * runs on all the slots rather than on the driver's one thread); the results in partition order.
   */
  static <U> List<List<U>> run(
      JavaRDD<Integer> rdd, PartitionTask<U> task, UnaryOperator<List<U>> onArrival) {
    Partition[] partitions = rdd.rdd().partitions();
    ExecutorService pool = POOLS.computeIfAbsent(slots(rdd.context()), InlineTasks::pool);
    CompletionService<Done<U>> done = new ExecutorCompletionService<>(pool);
    List<Future<Done<U>>> submitted = new ArrayList<>();
    for (Partition p : partitions) {
      int index = p.index();
      List<Integer> ids = ids(p);
      submitted.add(done.submit(() -> new Done<>(index, onArrival.apply(task.run(index, ids)))));
    }
    List<List<U>> results = new ArrayList<>(Collections.nCopies(partitions.length, null));
    try {
      for (int k = 0; k < partitions.length; k++) {
        Done<U> d = done.take().get();
        results.set(d.partition, d.results);
      }
    } catch (InterruptedException e) {
      submitted.forEach(f -> f.cancel(true));
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a task", e);
    } catch (ExecutionException e) {
      submitted.forEach(f -> f.cancel(true));
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
    return results;
  }

  private record Done<U>(int partition, List<U> results) {}

  @SuppressWarnings("unchecked")
  private static List<Integer> ids(Partition p) {
    return new ArrayList<>(
        JavaConverters.seqAsJavaListConverter(((ParallelCollectionPartition<Integer>) p).values())
            .asJava());
  }

  private static ExecutorService pool(int threads) {
    AtomicInteger count = new AtomicInteger();
    return Executors.newFixedThreadPool(
        threads,
        r -> {
          Thread t = new Thread(r, "ftsim-task-" + count.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
  }
}
