package org.ftsim.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The registry, and the contract every detector in it keeps. */
class DetectorRegistryTest {

  static Stream<String> names() {
    return DetectorRegistry.names().stream();
  }

  @Test
  void namesInHelpOrder() {
    assertEquals(
        List.of("zscore", "reputation", "cosine-split", "redundancy"), DetectorRegistry.names());
  }

  @Test
  void unknownNamesAndKeysListTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> DetectorRegistry.create("zscor"));
    assertEquals(
        "unknown detector 'zscor'; valid: zscore, reputation, cosine-split, redundancy",
        e.getMessage());
    assertTrue(
        assertThrows(
                IllegalArgumentException.class, () -> DetectorRegistry.create("zscore:tresh=3"))
            .getMessage()
            .contains("threshold"));
    assertThrows(IllegalArgumentException.class, () -> DetectorRegistry.create("zscore:-1"));
    assertThrows(IllegalArgumentException.class, () -> DetectorRegistry.create("reputation:5,2,1"));
    assertThrows(IllegalArgumentException.class, () -> DetectorRegistry.create("cosine-split:2"));
    assertEquals(
        "redundancy r must be an integer >= 2; got 1 in 'redundancy:1'",
        assertThrows(IllegalArgumentException.class, () -> DetectorRegistry.create("redundancy:1"))
            .getMessage());
  }

  @Test
  void parametersArePositionalOrNamed() {
    assertEquals("zscore:threshold=3.0", DetectorRegistry.create("zscore:3").toString());
    assertEquals(
        "reputation:threshold=4.0,drift=0.5,cap=10.0",
        DetectorRegistry.create("reputation:threshold=4,drift=0.5").toString());
    assertEquals("redundancy:r=2", DetectorRegistry.create("redundancy").toString());
    assertEquals(3, DetectorRegistry.create("redundancy:r=3").copies());
  }

  /**
   * The detector's verdict on {@code rows}, each worker's report of its own sub-batch; a
   * replicating detector also gets seed 1's copies of the other sub-batches: an honest worker's
   * copy of o's sub-batch is row o with its non-finite values set to 0 (the truth a liar hid), a
   * worker whose row has non-finite values puts them at the same coordinates of every copy it
   * computes.
   */
  static Detection judge(Detector detector, float[][] rows) {
    if (detector.copies() == 1) {
      return detector.detect(rows);
    }
    int[][] owners = new ReplicationPlan(rows.length, detector.copies(), 1).owners(7);
    float[][][] copies = new float[owners.length][rows.length][];
    for (int j = 0; j < owners.length; j++) {
      for (int w = 0; w < rows.length; w++) {
        float[] own = rows[w];
        float[] truth = rows[owners[j][w]];
        if (own == null || truth == null) {
          continue;
        }
        copies[j][w] = truth.clone();
        for (int k = 0; k < own.length; k++) {
          if (!Float.isFinite(truth[k])) {
            copies[j][w][k] = 0;
          }
          if (!Float.isFinite(own[k])) {
            copies[j][w][k] = own[k];
          }
        }
      }
    }
    copies[0] = rows;
    return detector.detect(new Replicas(owners, copies));
  }

  @ParameterizedTest
  @MethodSource("names")
  void identicalReportsFlagNobodyAndInputsStayUntouched(String name) {
    Random random = new Random(5);
    float[] g = new float[50];
    for (int j = 0; j < g.length; j++) {
      g[j] = (float) random.nextGaussian();
    }
    float[][] rows = new float[9][];
    for (int w = 0; w < rows.length; w++) {
      rows[w] = g.clone();
    }
    rows[4] = null;
    Detection d = judge(DetectorRegistry.create(name), rows);
    assertEquals(0, d.flaggedCount());
    assertTrue(Double.isNaN(d.suspicion()[4]));
    for (int w = 0; w < rows.length; w++) {
      if (w != 4) {
        assertEquals(0, java.util.Arrays.compare(g, rows[w]));
      }
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void nonFiniteReportsAreFlagged(String name) {
    float[][] rows = new float[7][];
    Random random = new Random(9);
    for (int w = 0; w < rows.length; w++) {
      rows[w] = new float[20];
      for (int j = 0; j < 20; j++) {
        rows[w][j] = 1 + 0.1f * (float) random.nextGaussian();
      }
    }
    rows[0][3] = Float.NaN;
    rows[6][0] = Float.POSITIVE_INFINITY;
    Detection d = judge(DetectorRegistry.create(name), rows);
    assertTrue(d.flagged()[0] && d.flagged()[6], name);
    assertEquals(2, d.flaggedCount(), name);
  }
}
