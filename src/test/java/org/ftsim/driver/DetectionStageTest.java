package org.ftsim.driver;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.ftsim.detection.DetectionState;
import org.ftsim.detection.DetectorRegistry;
import org.ftsim.detection.Replicas;
import org.ftsim.fault.FaultPlan;
import org.junit.jupiter.api.Test;

/** The detection stage's suspects, its replication plan and its checkpointed state. */
class DetectionStageTest {

  private static final FaultPlan FAULTS =
      new FaultPlan(6, new int[] {1, 4}, "scale:10", Map.of(), 1, 1, 7);

  /** Six reports of one step: worker {@code odd} reports ten times the others. */
  private static float[][] reports(int odd) {
    float[][] rows = new float[6][];
    for (int w = 0; w < 6; w++) {
      rows[w] = new float[] {1 + 0.01f * w, 2 - 0.01f * w, 0.5f};
      if (w == odd) {
        for (int k = 0; k < 3; k++) {
          rows[w][k] *= 10;
        }
      }
    }
    return rows;
  }

  @Test
  void suspectsAreTheWorkersFlaggedSoFarAndSurviveACheckpoint() {
    DetectionStage stage =
        new DetectionStage(DetectorRegistry.create("reputation"), FAULTS, 7, true);
    assertArrayEquals(new int[0], stage.suspects());
    stage.detect(1, reports(1));
    stage.detect(2, reports(4));
    stage.detect(3, reports(-1));
    assertArrayEquals(new int[] {1, 4}, stage.suspects());
    DetectionState saved = stage.state();
    assertEquals(6 + 6, saved.detector().length, "reputation's s, then the suspects");
    DetectionStage resumed =
        new DetectionStage(DetectorRegistry.create("reputation"), FAULTS, 7, true);
    resumed.restore(saved);
    assertArrayEquals(new int[] {1, 4}, resumed.suspects());
    assertArrayEquals(saved.detector(), resumed.state().detector());
    // Without correction by the detector the state is the detector's own, as before.
    DetectionStage watching =
        new DetectionStage(DetectorRegistry.create("reputation"), FAULTS, 7, false);
    watching.detect(1, reports(1));
    assertEquals(6, watching.state().detector().length);
  }

  @Test
  void aReplicatingDetectorGetsItsPlanAndCountsItsExtraGradients() {
    DetectionStage stage =
        new DetectionStage(DetectorRegistry.create("redundancy:3"), FAULTS, 7, false);
    int[][] owners = stage.copyOwners(1);
    assertEquals(3, owners.length);
    float[][][] copies = new float[3][6][];
    float[][] truth = reports(-1);
    for (int j = 0; j < 3; j++) {
      for (int w = 0; w < 6; w++) {
        copies[j][w] = truth[owners[j][w]].clone();
        if (w == 4) {
          copies[j][w][0] += 1; // worker 4 lies on every copy
        }
      }
    }
    float[][] reported = copies[0];
    assertArrayEquals(
        new boolean[] {false, false, false, false, true, false},
        stage.detect(1, reported, new Replicas(owners, copies)).flagged());
    assertEquals(2L * 6, stage.row("r").extraGradients());
    assertEquals(
        null,
        new DetectionStage(DetectorRegistry.create("zscore"), FAULTS, 7, false).copyOwners(1));
  }
}
