package org.ftsim.results;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;

/**
 * How fast the {@code workers} table is written: {@code steps} steps of {@code workers} rows each
 * through a {@link ResultSink}, flushed every {@code every} steps (an epoch of 1,024 MNIST workers
 * with 32 samples each is one step, so the run loop's per-epoch flush is every step), timed from
 * the first row to the last file on disk; then the time to count them back. Arguments: workers,
 * steps, every.
 */
public final class WorkerRowsBench {

  private WorkerRowsBench() {}

  public static void main(String[] args) throws Exception {
    int workers = Integer.parseInt(args[0]);
    int steps = Integer.parseInt(args[1]);
    int every = Integer.parseInt(args[2]);
    SparkSession spark =
        SparkSession.builder().master("local[2]").config("spark.ui.enabled", "false").getOrCreate();
    Path dir = Files.createTempDirectory("worker-rows");
    ResultSink sink = new ResultSink(spark, dir.toString());
    // One warm-up write, not timed.
    sink.add(row("warm-up", 0, 0));
    sink.close();
    long t0 = System.nanoTime();
    for (int s = 1; s <= steps; s++) {
      for (int w = 0; w < workers; w++) {
        sink.add(row("bench", s, w));
      }
      if (s % every == 0) {
        sink.flush();
      }
    }
    sink.close();
    double seconds = (System.nanoTime() - t0) / 1e9;
    long rows = (long) workers * steps;
    long t1 = System.nanoTime();
    long read =
        spark.read().parquet(dir.resolve("workers").toString()).where("run_id = 'bench'").count();
    double readSeconds = (System.nanoTime() - t1) / 1e9;
    long files;
    try (var list = Files.list(dir.resolve("workers/run_id=bench"))) {
      files = list.filter(p -> p.toString().endsWith(".parquet")).count();
    }
    System.out.printf(
        Locale.ROOT,
        "%d workers x %d steps, flushed every %d: %d rows in %.1f s (%.0f rows/s), %d files;"
            + " counted back %d in %.1f s%n",
        workers,
        steps,
        every,
        rows,
        seconds,
        rows / seconds,
        files,
        read,
        readSeconds);
  }

  private static Rows.Result row(String run, int step, int w) {
    return new Rows.WorkerRow(
        run,
        step,
        w,
        32,
        w,
        w % 7 == 0,
        w % 7 == 0 ? "signflip" : null,
        true,
        0.0,
        null,
        1.0 + w,
        2.3,
        0.5,
        false,
        null,
        null,
        null);
  }
}
