package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The plan: faulty set, overrides, schedule, and what each worker reports. */
class FaultPlanTest {

  private static float[][] gradients(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] g = new float[n][d];
    for (float[] row : g) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) random.nextDouble(-1, 1);
      }
    }
    return g;
  }

  private static FaultPlan plan(int n, int[] faulty, String fault, Map<Integer, String> of) {
    return new FaultPlan(n, faulty, fault, of, 1, 1, 7);
  }

  @Test
  void honestWorkersReportTheirOwnArrayAndFaultyOnesTheirFault() {
    FaultPlan plan = plan(4, new int[] {1, 3}, "scale:10", Map.of(3, "crash"));
    float[][] g = gradients(4, 5, 1);
    float[][] reported = plan.apply(1, g);
    assertSame(g[0], reported[0]);
    assertSame(g[2], reported[2]);
    for (int j = 0; j < 5; j++) {
      assertEquals(g[1][j] * 10, reported[1][j], 1e-6);
    }
    assertNull(reported[3]);
    assertEquals("scale:10", plan.faultName(1));
    assertEquals("crash", plan.faultName(3));
    assertNull(plan.faultName(0));
    assertArrayEquals(new int[] {1, 3}, plan.faultyWorkers());
    assertArrayEquals(new int[] {0, 2}, plan.honestWorkers());
    assertEquals("1=scale:factor=10.0, 3=crash", plan.toString());
  }

  @Test
  void omniscientFaultsSeeOnlyTheHonestWorkers() {
    // 16 workers, 5 faulty: every ALIE worker reports mean − z·std of the 11 honest rows.
    int[] faulty = {0, 1, 2, 3, 4};
    FaultPlan plan = plan(16, faulty, "alie", Map.of(4, "ipm:0.5", 3, "mimic:9"));
    float[][] g = gradients(16, 50, 2);
    float[][] reported = plan.apply(3, g);
    float[][] honest = Arrays.copyOfRange(g, 5, 16);
    double z = 0.6744897501960817; // Φ⁻¹(0.75) for n = 16, f = 5 (KnownAnswerTest)
    for (int j = 0; j < 50; j++) {
      double mean = 0;
      for (float[] row : honest) {
        mean += row[j];
      }
      mean /= honest.length;
      double squares = 0;
      for (float[] row : honest) {
        squares += (row[j] - mean) * (row[j] - mean);
      }
      double std = Math.sqrt(squares / (honest.length - 1));
      for (int w = 0; w < 3; w++) {
        assertEquals(mean - z * std, reported[w][j], 1e-6);
      }
      assertEquals(-0.5 * mean, reported[4][j], 1e-6);
    }
    assertArrayEquals(g[9], reported[3]);
    assertArrayEquals(reported[0], reported[1]);
  }

  @Test
  void sourceGivesAFaultyWorkerAHealthyWorkersGradient() {
    FaultPlan plan = plan(3, new int[] {2}, "signflip", Map.of());
    float[][] g = gradients(3, 4, 3);
    float[][] reported = plan.apply(1, g, new int[] {0, 1, 0});
    for (int j = 0; j < 4; j++) {
      assertEquals(-g[0][j], reported[2][j]);
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 5, 10})
  void faultsApplyFromTheStartStep(long start) {
    FaultPlan plan = new FaultPlan(3, new int[] {0}, "zero", Map.of(), 1, start, 7);
    float[][] g = gradients(3, 2, 4);
    for (long step = 1; step <= 12; step++) {
      boolean active = step >= start;
      assertEquals(active, plan.misbehaves(0, step));
      assertFalse(plan.misbehaves(1, step));
      float[] reported = plan.apply(step, g)[0];
      assertEquals(active, Arrays.equals(new float[2], reported));
      assertEquals(!active, reported == g[0]);
    }
  }

  @ParameterizedTest
  @CsvSource({"0.0, 1", "0.1, 2", "0.3, 3", "0.5, 4", "0.9, 5", "1.0, 6"})
  void faultyWorkersMisbehaveWithTheScheduledProbability(double p, long seed) {
    int steps = 10_000;
    FaultPlan plan = new FaultPlan(4, new int[] {0, 2}, "crash", Map.of(), p, 1, seed);
    int[] count = new int[4];
    int both = 0;
    for (long step = 1; step <= steps; step++) {
      for (int w = 0; w < 4; w++) {
        count[w] += plan.misbehaves(w, step) ? 1 : 0;
      }
      both += plan.misbehaves(0, step) && plan.misbehaves(2, step) ? 1 : 0;
    }
    // Binomial(10,000, p): standard error at most 0.005; 0.025 is five of them.
    assertEquals(p, count[0] / (double) steps, 0.025);
    assertEquals(p, count[2] / (double) steps, 0.025);
    assertEquals(p * p, both / (double) steps, 0.025, "independent across workers");
    assertEquals(0, count[1] + count[3], "honest workers never misbehave");
  }

  /**
   * Known answers: the first 20 steps of the p = 0.5 schedule for seed 11, recorded at commit
   * 0cbebb0 (issue 12). A change breaks the reproducibility of every recorded run with {@code
   * --fault-prob} below 1.
   */
  @Test
  void theScheduleIsGolden() {
    FaultPlan plan = new FaultPlan(4, new int[] {0, 2}, "crash", Map.of(), 0.5, 1, 11);
    assertEquals("00010101011010010010", schedule(plan, 0, 20));
    assertEquals("01110000010000010111", schedule(plan, 2, 20));
    assertEquals("00000000000000000000", schedule(plan, 1, 20), "honest");
    FaultPlan otherSeed = new FaultPlan(4, new int[] {0, 2}, "crash", Map.of(), 0.5, 1, 12);
    assertFalse(schedule(plan, 0, 200).equals(schedule(otherSeed, 0, 200)));
  }

  /**
   * A worker's schedule depends on the seed, its index and the step only: not on n, the other
   * faulty workers, the order of {@code -f}, its fault or the start (beyond masking earlier steps).
   */
  @Test
  void aWorkersScheduleIsItsOwn() {
    FaultPlan plan = new FaultPlan(4, new int[] {0, 2}, "crash", Map.of(), 0.5, 1, 11);
    FaultPlan other =
        new FaultPlan(7, new int[] {5, 2, 0}, "zero", Map.of(2, "scale:3"), 0.5, 1, 11);
    FaultPlan later = new FaultPlan(4, new int[] {2, 0}, "crash", Map.of(), 0.5, 6, 11);
    for (int w : new int[] {0, 2}) {
      String own = schedule(plan, w, 200);
      assertEquals(own, schedule(other, w, 200), "worker " + w);
      assertEquals("00000" + own.substring(5), schedule(later, w, 200), "worker " + w);
    }
    assertFalse(schedule(plan, 0, 200).equals(schedule(plan, 2, 200)));
  }

  /** Worker {@code w}'s schedule at steps 1 to {@code steps}, 1 where it misbehaves. */
  private static String schedule(FaultPlan plan, int w, int steps) {
    StringBuilder b = new StringBuilder();
    for (long step = 1; step <= steps; step++) {
      b.append(plan.misbehaves(w, step) ? '1' : '0');
    }
    return b.toString();
  }

  @Test
  void aCrashedWorkerReportsNullOnlyWhenItMisbehaves() {
    FaultPlan plan = new FaultPlan(3, new int[] {1}, "crash", Map.of(), 0.5, 1, 3);
    float[][] g = gradients(3, 2, 5);
    int crashes = 0;
    for (long step = 1; step <= 100; step++) {
      float[] reported = plan.apply(step, g)[1];
      assertEquals(plan.misbehaves(1, step), reported == null);
      crashes += reported == null ? 1 : 0;
    }
    assertTrue(crashes > 20 && crashes < 80, "crashes: " + crashes);
  }

  @Test
  void randomFaultsAreSeededPerWorkerAndStep() {
    FaultPlan plan = plan(4, new int[] {1, 2}, "gaussian:1", Map.of());
    float[][] g = new float[4][100];
    float[][] first = plan.apply(5, g);
    assertArrayEquals(first[1], plan(4, new int[] {1, 2}, "gaussian:1", Map.of()).apply(5, g)[1]);
    assertFalse(Arrays.equals(first[1], first[2]), "workers draw different noise");
    assertFalse(Arrays.equals(first[1], plan.apply(6, g)[1]), "steps draw different noise");
  }

  @Test
  void labelflipIsScheduledLikeTheOthers() {
    FaultPlan plan = new FaultPlan(3, new int[] {0, 1}, "labelflip", Map.of(1, "zero"), 1, 3, 1);
    assertFalse(plan.flipsLabels(0, 2));
    assertTrue(plan.flipsLabels(0, 3));
    assertFalse(plan.flipsLabels(1, 3));
    assertFalse(plan.flipsLabels(2, 3));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "-0.1 | 1 | fault probability must be in [0, 1]; got -0.1",
        "1.5 | 1 | fault probability must be in [0, 1]; got 1.5",
        "NaN | 1 | fault probability must be in [0, 1]; got NaN",
        "1 | 0 | fault start step counts from 1; got 0",
      })
  void badScheduleIsAnError(double p, long start, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new FaultPlan(4, new int[] {0}, "scale", Map.of(), p, start, 1));
    assertEquals(message, e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "2 | --fault-of 2=nan: worker 2 is not faulty; faulty workers: [0, 1]",
        "4 | --fault-of 4=nan: worker 4 is not faulty; faulty workers: [0, 1]",
        "-1 | --fault-of -1=nan: worker -1 is not faulty; faulty workers: [0, 1]",
      })
  void overrideOfAWorkerThatIsNotFaultyIsAnError(int worker, String message) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> plan(4, new int[] {0, 1}, "scale", Map.of(worker, "nan")));
    assertEquals(message, e.getMessage());
  }

  @Test
  void badFaultyWorkersAreErrors() {
    assertEquals(
        "faulty worker 4 out of range [0, 3]",
        assertThrows(
                IllegalArgumentException.class, () -> plan(4, new int[] {4}, "scale", Map.of()))
            .getMessage());
    assertEquals(
        "faulty worker 1 given twice",
        assertThrows(
                IllegalArgumentException.class, () -> plan(4, new int[] {1, 1}, "scale", Map.of()))
            .getMessage());
  }

  @Test
  void badFaultSpecsFailAtConstructionEvenWithoutFaultyWorkers() {
    assertThrows(
        IllegalArgumentException.class, () -> plan(4, new int[0], "gaussian:-1", Map.of()));
    assertThrows(IllegalArgumentException.class, () -> plan(4, new int[0], "bogus", Map.of()));
    assertThrows(
        IllegalArgumentException.class, () -> plan(4, new int[] {0}, "scale", Map.of(0, "x")));
  }

  @Test
  void infeasibleFaultsFailAtConstruction() {
    assertEquals(
        "fault mimic:1 of worker 0: mimic worker 1 is faulty; honest workers: [2, 3]",
        assertThrows(
                IllegalArgumentException.class,
                () -> plan(4, new int[] {0, 1}, "mimic:1", Map.of()))
            .getMessage());
    assertEquals(
        "fault alie of worker 2: alie without z needs 1 <= s < n, with s = floor(n/2 + 1) - f;"
            + " got n=6, f=4 (s=0); give z, e.g. alie:1",
        assertThrows(
                IllegalArgumentException.class,
                () -> plan(6, new int[] {0, 1, 2, 3}, "scale", Map.of(2, "alie")))
            .getMessage());
    // An unused infeasible default is fine: every faulty worker overrides it.
    plan(4, new int[] {0}, "mimic:0", Map.of(0, "zero"));
  }
}
