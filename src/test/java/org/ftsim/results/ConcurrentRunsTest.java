package org.ftsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two ftsim processes appending to one results directory at once, as runs of a sweep submitted side
 * by side do: both finish and every row of both is there once. (Appending through {@code
 * partitionBy} on the shared table folder, both runs failed: each job commit deleted the other's
 * uncommitted files.)
 */
class ConcurrentRunsTest {

  @TempDir Path dir;

  /** synthetic: 2048 samples, gb 256 → 8 steps an epoch; 25 epochs, 25 flushes of 5 tables. */
  static final int EPOCHS = 25;

  static Process launch(Path tb, String runId, Path log) throws Exception {
    List<String> command =
        CommandRuns.childJvm(
            "1g",
            Main.class,
            List.of(
                "train",
                "-d",
                "synthetic",
                "-w",
                "4",
                "-f",
                "1",
                "-gb",
                "256",
                "-e",
                String.valueOf(EPOCHS),
                "--log-every",
                "1000",
                "--proc",
                "1",
                "--run-id",
                runId,
                "-tb",
                tb.toString()));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().put("OMP_NUM_THREADS", "1");
    return builder.start();
  }

  @Test
  void twoProcessesAppendToOneResultsDirectory() throws Exception {
    Path tb = dir.resolve("runs");
    Process a = launch(tb, "side-a", dir.resolve("a.log"));
    Process b = launch(tb, "side-b", dir.resolve("b.log"));
    for (Process p : List.of(a, b)) {
      assertTrue(p.waitFor(10, TimeUnit.MINUTES), "a run did not end");
    }
    assertEquals(0, a.exitValue(), Files.readString(dir.resolve("a.log"), StandardCharsets.UTF_8));
    assertEquals(0, b.exitValue(), Files.readString(dir.resolve("b.log"), StandardCharsets.UTF_8));

    SparkSession spark = SparkTestSession.get();
    for (String id : List.of("side-a", "side-b")) {
      String where = "run_id = '" + id + "'";
      Row steps =
          spark
              .read()
              .parquet(tb.resolve("steps").toString())
              .where(where)
              .selectExpr("count(*)", "count(distinct epoch, step)")
              .first();
      assertEquals(EPOCHS * 8L, steps.getLong(0), id + " steps");
      assertEquals(EPOCHS * 8L, steps.getLong(1), id + " distinct steps");
      long workers = spark.read().parquet(tb.resolve("workers").toString()).where(where).count();
      assertEquals(EPOCHS * 8L * 4, workers, id + " workers rows");
      List<Row> run =
          spark
              .read()
              .parquet(tb.resolve("runs").toString())
              .where(where)
              .select("status")
              .collectAsList();
      assertEquals(1, run.size(), id + " runs rows");
      assertEquals("finished", run.get(0).getString(0));
    }
  }
}
