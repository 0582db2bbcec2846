package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * ByzFL's dealing through the real command ({@code --byzantine-data none}): the faulty workers
 * compute nothing, the honest ones share the global batch, and ALIE still attacks from the honest
 * workers' (momentum) vectors; the learning rate follows its milestones, unscaled by k.
 */
class ProtocolEndToEndTest {

  @TempDir Path dir;

  @Test
  void faultyWorkersDealtNoDataComputeNothing() {
    SparkSession spark = SparkTestSession.get();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int status =
        Main.run(
            ("-d synthetic -w 5 -f 3 4 --fault alie -df median --byzantine-data none"
                    + " --worker-momentum 0.9 --lr-scaling none --optimizer sgd --momentum 0"
                    + " --lr 0.1 --lr-milestones 2 --lr-decay 0.5 -gb 90 --max-steps 4 --proc 2"
                    + " --run-id none -tb "
                    + dir)
                .split(" "),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err);
    assertEquals(0, status);
    List<Row> w = spark.read().parquet(dir.resolve("workers").toString()).collectAsList();
    assertEquals(5 * 4, w.size());
    for (Row r : w) {
      int worker = r.getAs("worker");
      int batch = r.getAs("batch");
      assertEquals(worker >= 3 ? 0 : 30, batch, "worker " + worker);
      if (worker >= 3) {
        assertEquals("alie", r.getAs("fault"));
        assertTrue(r.<Double>getAs("grad_norm") > 0, "ALIE reports from the honest vectors");
      }
    }
    List<Row> steps = spark.read().parquet(dir.resolve("steps").toString()).collectAsList();
    for (Row s : steps) {
      int step = s.getAs("step");
      assertEquals(step <= 2 ? 0.1 : 0.05, s.<Double>getAs("lr"), 1e-15, "halved after step 2");
      assertTrue(Double.isFinite(s.<Double>getAs("train_loss")), "the honest workers' mean loss");
    }
  }
}
