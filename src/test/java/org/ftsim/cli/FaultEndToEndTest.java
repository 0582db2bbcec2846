package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Per-worker faults through the real command: a crash, a label flip and ALIE in one run. */
class FaultEndToEndTest {

  @TempDir Path dir;

  @Test
  void crashLabelFlipAndAlieReachTheTablesAndTheHeader() {
    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Main.run(
            new String[] {
              "-d",
              "synthetic",
              "-w",
              "6",
              "-f",
              "0",
              "1",
              "2",
              "--fault",
              "alie:1",
              "--fault-of",
              "0=crash",
              "--fault-of",
              "1=labelflip",
              "-df",
              "mean",
              "-gb",
              "192",
              "-e",
              "2",
              "--fault-start",
              "3",
              "--run-id",
              "faults",
              "-tb",
              dir.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, status);
    String console = out.toString(StandardCharsets.UTF_8);
    assertTrue(console.contains("0=crash") && console.contains("1=labelflip"), console);

    List<Row> steps =
        spark.read().parquet(dir.resolve("steps").toString()).orderBy("step").collectAsList();
    for (Row s : steps) {
      int step = s.getAs("step");
      assertEquals(
          step < 3 ? 6 : 5, s.<Integer>getAs("k"), "a crashed worker is not counted, from step 3");
    }
    List<Row> w = spark.read().parquet(dir.resolve("workers").toString()).collectAsList();
    double flippedLoss = 0;
    double honestLoss = 0;
    for (Row r : w) {
      int worker = r.getAs("worker");
      int step = r.getAs("step");
      if (worker == 0 && step >= 3) {
        assertNull(r.getAs("grad_norm"));
        assertFalse(r.<Boolean>getAs("used"));
        assertEquals("crash", r.getAs("fault"));
      }
      if (worker == 2) {
        assertEquals(step >= 3 ? "alie:1" : null, r.getAs("fault"));
      }
      if (step > steps.size() / 2) {
        flippedLoss += worker == 1 ? r.<Double>getAs("loss") : 0;
        honestLoss += worker == 4 ? r.<Double>getAs("loss") : 0;
      }
    }
    assertTrue(
        flippedLoss > 1.3 * honestLoss,
        "worker 1 trains on flipped labels: " + flippedLoss + " vs " + honestLoss);
  }
}
