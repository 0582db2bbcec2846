package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -df detect --correct}: correction fitted for the workers the detector flags, not for
 * {@code -f}. Worker 2 scales by 10; zscore flags it from step 1, so it is dropped until the
 * replica step 12, where it alone computes a worker's sub-batch (its report left out), its model is
 * fitted on that pair, and from step 13 its flagged report is corrected and kept.
 */
class DetectedCorrectionEndToEndTest {

  @TempDir Path dir;

  @Test
  void theFlaggedWorkerIsCorrectedAfterTheReplicaStep() {
    String console =
        CommandRuns.ftsim(
            List.of(
                "-d",
                "synthetic",
                "-w",
                "6",
                "-f",
                "2",
                "--fault",
                "scale:10",
                "--detect",
                "zscore",
                "-df",
                "detect",
                "--correct",
                "-gb",
                "192",
                "--max-steps",
                "14",
                "--run-id",
                "dc",
                "-tb",
                dir.toString()));
    assertTrue(console.contains("[AGG] Init correction model for worker 2"), console);
    List<Row> steps =
        SparkTestSession.get()
            .read()
            .parquet(dir.resolve("steps").toString())
            .orderBy("step")
            .collectAsList();
    assertEquals(14, steps.size());
    for (Row s : steps) {
      int step = s.getAs("step");
      String phase = s.getAs("phase");
      assertEquals(step == 1 || step == 12 ? "replica" : "corrected", phase);
      // Dropped while flagged without a model, left out at the replica step, kept once corrected.
      assertEquals(step >= 13 ? 6 : 5, s.<Integer>getAs("k"), "step " + step);
    }
    List<Row> corrections =
        SparkTestSession.get()
            .read()
            .parquet(dir.resolve("corrections").toString())
            .orderBy("step")
            .collectAsList();
    assertEquals(2, corrections.size());
    for (Row c : corrections) {
      assertEquals(2, c.<Integer>getAs("worker"));
      assertEquals(12, c.<Integer>getAs("fit_step"));
      // scale:10 inverted exactly by the linear fit, times the weight 0.95: |1 − 0.95|.
      assertEquals(0.05, c.<Double>getAs("true_error"), 1e-4);
    }
    Row d = SparkTestSession.get().read().parquet(dir.resolve("detections").toString()).first();
    assertEquals(1.0, d.<Double>getAs("recall"));
    assertEquals(List.of(0), d.getList(d.fieldIndex("delays")));
  }
}
