package org.ftsim.driver;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ftsim.config.ConfigException;
import org.ftsim.spark.SparkWorkers;
import org.junit.jupiter.api.Test;

/** The driver's memory estimate and the one-line refusal of a run that does not fit. */
class DriverMemoryTest {

  private static final long MLP = 468_874;

  /**
   * 1,024 MLP workers on 2 cores: the matrix and 8 more vectors, 6 task results of 17 workers (61
   * tasks of at most 32 MB) twice, three 1,024² double matrices and the base.
   */
  @Test
  void estimateOfAThousandWorkersOfTheMlp() {
    assertEquals(61, SparkWorkers.gradientTasks(1024, 2, MLP));
    long matrix = 4 * MLP * (1024 + 0 + 8);
    long inFlight = 2 * (2 + 4) * (4 * MLP * 17);
    long distances = 4 * 8 * 1024L * 1024;
    assertEquals(
        matrix + inFlight + distances + (256L << 20), DriverMemory.estimate(1024, 0, MLP, 2, 0));
    // Faulty workers' new arrays and the datasets (twice) add their bytes.
    assertEquals(
        DriverMemory.estimate(1024, 0, MLP, 2, 0) + 3 * 4 * MLP + 2 * 1000,
        DriverMemory.estimate(1024, 3, MLP, 2, 1000));
  }

  /** The estimate grows by at least a gradient per worker, and never undercounts the matrix. */
  @Test
  void estimateIsAtLeastTheMatrix() {
    for (int n : new int[] {1, 16, 64, 256, 1024, 4096}) {
      long e = DriverMemory.estimate(n, 0, MLP, 2, 0);
      assertTrue(e >= 4 * MLP * n, "n=" + n);
      assertTrue(DriverMemory.estimate(n + 1, 0, MLP, 2, 0) - e >= 4 * MLP, "n=" + n);
    }
  }

  /** Few workers pass; too many fail with one line giving the need and the option that sets it. */
  @Test
  void refusalNamesTheNeedAndTheOption() {
    long heap = 2L << 30;
    assertDoesNotThrow(() -> DriverMemory.check(16, 0, MLP, 2, 0, heap));
    ConfigException e =
        assertThrows(ConfigException.class, () -> DriverMemory.check(1024, 0, MLP, 2, 0, heap));
    String m = e.getMessage();
    assertFalse(m.contains("\n"), m);
    assertTrue(m.startsWith("-w 1024: a step of 1024 workers × 468,874 parameters"), m);
    assertTrue(m.contains("needs about 2.4 GB of driver heap (1.8 MB per worker)"), m);
    assertTrue(m.contains("more than the 2.0 GB this JVM has"), m);
    assertTrue(m.contains("FTSIM_JAVA_OPTS=-Xmx3g"), m);
    assertTrue(m.contains("--driver-memory 3g"), m);
  }

  /**
   * The workers rows go to the background only when the heap holds the previous step's n + f
   * reports besides a step's peak: 16 MLP workers in any heap that runs them, 1,024 not in 3 GB.
   */
  @Test
  void backgroundRowsNeedASecondStepsReports() {
    long peak = DriverMemory.estimate(1024, 2, MLP, 2, 1000);
    long previous = 4 * MLP * (1024 + 2);
    assertTrue(DriverMemory.holdsTwoSteps(1024, 2, MLP, 2, 1000, peak + previous));
    assertFalse(DriverMemory.holdsTwoSteps(1024, 2, MLP, 2, 1000, peak + previous - 1));
    assertDoesNotThrow(() -> DriverMemory.check(1024, 0, MLP, 2, 0, 3L << 30));
    assertFalse(DriverMemory.holdsTwoSteps(1024, 0, MLP, 2, 0, 3L << 30));
    assertTrue(DriverMemory.holdsTwoSteps(16, 0, MLP, 2, 0, 1L << 30));
  }

  @Test
  void humanBytes() {
    assertEquals("512 B", DriverMemory.human(512));
    assertEquals("1.8 MB", DriverMemory.human(4 * MLP));
    assertEquals("2.0 GB", DriverMemory.human(2L << 30));
    assertEquals("128 MB", DriverMemory.human(128L << 20));
  }
}
