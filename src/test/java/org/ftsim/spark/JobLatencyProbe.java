package org.ftsim.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;

/** Throwaway probe: latency of an empty job through PartitionTask.runJob. */
public final class JobLatencyProbe {
  static final class Echo extends PartitionTask<byte[]> {
    private static final long serialVersionUID = 1L;
    final int bytes;

    Echo(int bytes) {
      this.bytes = bytes;
    }

    @Override
    List<byte[]> run(int partition, List<Integer> ids) {
      List<byte[]> out = new ArrayList<>();
      for (int i : ids) out.add(new byte[bytes]);
      return out;
    }
  }

  public static void main(String[] args) {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2]")
            .setAppName("probe")
            .set("spark.ui.enabled", "false")
            .set("spark.task.maxDirectResultSize", "120m");
    for (String a : args) {
      String[] kv = a.split("=", 2);
      if (kv.length == 2) conf.set(kv[0], kv[1]);
    }
    JavaSparkContext jsc = new JavaSparkContext(conf);
    JavaRDD<Integer> rdd = jsc.parallelize(IntStream.range(0, 16).boxed().toList(), 2);
    for (int bytes : new int[] {4, 4 * 468874}) {
      for (int rep = 0; rep < 4; rep++) {
        long t0 = System.nanoTime();
        int n = 40;
        for (int i = 0; i < n; i++) PartitionTask.runJob(rdd, new Echo(bytes));
        System.out.printf("bytes=%d job %.2f ms%n", bytes, (System.nanoTime() - t0) / 1e6 / n);
      }
    }
    jsc.stop();
  }
}
