package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run of a sweep interrupted without checkpoints starts afresh at the next invocation: the rows
 * its first attempt flushed and its failed runs row are deleted, so each step is there once.
 */
class SweepRestartTest {

  @TempDir Path dir;

  @Test
  void aRunWithoutCheckpointsRestartsCleanly() throws Exception {
    Path grid =
        Files.writeString(
            dir.resolve("g.yaml"),
            "dataset: synthetic\nworker: 4\nglobal_batch_size: 256\nepoch: 2\nproc: 2\n");
    String tb = dir.resolve("runs").toString();
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    // killed at step 12: epoch 1's rows (steps 1–8) and the failure's flush are on disk
    int status =
        Main.run(
            new String[] {"sweep", grid.toString(), "-tb", tb},
            SweepEndToEndTest.killedOnce("EP: 2/2, sub-batch: 4/8", first),
            System.err);
    assertEquals(Main.FAILED, status, first.toString(StandardCharsets.UTF_8));
    var spark = SparkTestSession.get();
    assertTrue(spark.read().parquet(tb + "/steps").count() >= 8);
    String again = CommandRuns.ftsim(List.of("sweep", grid.toString(), "-tb", tb));
    assertTrue(again.contains("1 to run") && !again.contains("resuming"), again);
    List<Row> steps = spark.read().parquet(tb + "/steps").orderBy("step").collectAsList();
    assertEquals(16, steps.size());
    for (int i = 0; i < 16; i++) {
      assertEquals(i + 1, steps.get(i).<Integer>getAs("step"));
    }
    List<Row> runs = spark.read().parquet(tb + "/runs").collectAsList();
    assertEquals(1, runs.size());
    assertEquals("finished", runs.get(0).getAs("status"));
    String third = CommandRuns.ftsim(List.of("sweep", grid.toString(), "-tb", tb));
    assertTrue(third.contains("1 done already (skipped), 0 to run"), third);
  }
}
