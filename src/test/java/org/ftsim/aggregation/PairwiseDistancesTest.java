package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.factory.Nd4j;

/** The Gram-identity distances against double nested loops, across chunks, offsets and NaN. */
class PairwiseDistancesTest {

  private static void assertMatchesBruteForce(float[][] rows, double relative) {
    double[][] fast = PairwiseDistances.of(rows).squared();
    for (int i = 0; i < rows.length; i++) {
      assertEquals(0, fast[i][i]);
      for (int j = 0; j < rows.length; j++) {
        double exact = BruteForce.squaredDistance(rows[i], rows[j]);
        assertEquals(exact, fast[i][j], relative * exact + 1e-9, i + "," + j);
        assertEquals(fast[i][j], fast[j][i]);
      }
    }
  }

  @ParameterizedTest(name = "n={0} d={1} offset {2}")
  @CsvSource({
    "2, 1, 0",
    "5, 3, 0",
    "11, 1023, 0",
    "40, 100003, 0", // 4 chunks of 26214 columns and a tail
    "40, 100003, 100",
    "16, 70000, 1000"
  })
  void matchesBruteForce(int n, int d, double offset) {
    float[][] rows = Gradients.normal(n + d, n, d, 1);
    float[] common = Gradients.normal(7, 1, d, offset)[0];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] += common[j];
      }
    }
    // Centring each chunk keeps the relative error small even when |offset| >> spread.
    assertMatchesBruteForce(rows, 1e-4);
  }

  @Test
  void nonFiniteAndOverflowingRowsAreFar() {
    float[][] rows = Gradients.normal(3, 7, 5000, 1);
    rows[1][4999] = Float.NaN;
    rows[3][0] = Float.NEGATIVE_INFINITY;
    java.util.Arrays.fill(rows[5], 1e30f); // finite, but its squared norm overflows float
    PairwiseDistances.Result r = PairwiseDistances.of(rows);
    assertArrayEquals(new boolean[] {false, true, false, true, false, true, false}, r.far());
    assertEquals(4, r.finiteCount());
    for (int i = 0; i < 7; i++) {
      for (int j = 0; j < 7; j++) {
        double s = r.squared()[i][j];
        if (i == j) {
          assertEquals(0, s);
        } else if (r.far()[i] || r.far()[j]) {
          assertEquals(Double.POSITIVE_INFINITY, s);
        } else {
          double exact = BruteForce.squaredDistance(rows[i], rows[j]);
          assertEquals(exact, s, 1e-4 * exact);
        }
      }
    }
  }

  @Test
  void identicalRowsAreAtDistanceZero() {
    float[] x = Gradients.normal(1, 1, 3000, 50)[0];
    double[][] s = PairwiseDistances.of(Gradients.copies(x, 6)).squared();
    for (double[] row : s) {
      for (double v : row) {
        assertEquals(0, v, 0);
      }
    }
  }

  @Test
  void allRowsFar() {
    float[][] rows = {{Float.NaN, 1}, {Float.POSITIVE_INFINITY, 0}};
    PairwiseDistances.Result r = PairwiseDistances.of(rows);
    assertTrue(r.far()[0] && r.far()[1]);
    assertEquals(Double.POSITIVE_INFINITY, r.squared()[0][1]);
  }

  @Test
  void worksInsideTheCallersNd4jWorkspace() {
    WorkspaceConfiguration conf = WorkspaceConfiguration.builder().initialSize(1 << 20).build();
    MemoryWorkspace ws = Nd4j.getWorkspaceManager().getAndActivateWorkspace(conf, "driver-thread");
    try {
      assertMatchesBruteForce(Gradients.normal(5, 9, 20_000, 1), 1e-4);
    } finally {
      ws.close();
    }
  }
}
