package org.ftsim.bench;

import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/** Throwaway probe: Spark job latency in local mode. */
public final class JobProbe {
  public static void main(String[] args) {
    JavaSparkContext jsc =
        new JavaSparkContext(
            new SparkConf()
                .setMaster("local[2]")
                .setAppName("probe")
                .set("spark.ui.enabled", "false")
                .set("spark.broadcast.compress", "false")
                .set("spark.task.maxDirectResultSize", System.getProperty("mdr", "1m")));
    JavaRDD<Integer> rdd = jsc.parallelize(IntStream.range(0, 16).boxed().toList(), 2);
    int d = Integer.parseInt(args[0]);
    for (int rep = 0; rep < 3; rep++) {
      long t0 = System.nanoTime();
      int n = 30;
      for (int i = 0; i < n; i++) {
        Broadcast<float[]> b = jsc.broadcast(new float[d]);
        List<byte[]> r =
            rdd.map(
                    w -> {
                      float[] v = b.value();
                      return new byte[4 * d];
                    })
                .collect();
        b.destroy(false);
      }
      System.out.printf("d=%d job %.2f ms%n", d, (System.nanoTime() - t0) / 1e6 / n);
    }
    jsc.stop();
  }
}
