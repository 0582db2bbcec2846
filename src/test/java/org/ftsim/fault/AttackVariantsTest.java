package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reference libraries' variants beside ftsim's own: ByzFL's, Blades' and the bucketing code's.
 */
class AttackVariantsTest {

  private static final float[][] HONEST = {
    {1, 0, -4, 7},
    {2, 0, -2, 10},
    {3, 0, 0, 13},
  };

  @Test
  void signFlipMeanIsMinusTheHonestMeanWhateverTheOwnGradient() {
    // ByzFL's SignFlipping docstring: x = [[1,2,3],[4,5,6],[7,8,9]] → [−4, −5, −6].
    float[][] byzfl = {{1, 2, 3}, {4, 5, 6}, {7, 8, 9}};
    assertArrayEquals(
        new float[] {-4, -5, -6},
        new SignFlipMean().corrupt(new float[] {100, 100, 100}, Contexts.of(byzfl)));
    // signflip flips the worker's own gradient instead.
    assertArrayEquals(
        new float[] {-100, 100, -0f},
        new SignFlip(1).corrupt(new float[] {100, -100, 0}, Contexts.of(byzfl)));
  }

  @Test
  void alieAuthorsUsesTheHonestCountInPlaceOfN() {
    // n = 16, f = 3: s = 9 − 3 = 6; authors z = Φ⁻¹(7/13) = 0.09655..., paper z = Φ⁻¹(10/16).
    assertEquals(0.0965586, ALittleIsEnough.authorsZ(16, 3), 1e-6);
    assertEquals(0.3186394, ALittleIsEnough.defaultZ(16, 3), 1e-6);
    // n = 25, f = 5 (the bucketing paper's): s = 13 − 5 = 8, Φ⁻¹(12/20) = 0.2533.
    assertEquals(0.2533471, ALittleIsEnough.authorsZ(25, 5), 1e-6);
    // Reports μ − z·σ with μ = (2, 0, −2, 10), σ = (1, 0, 2, 3); n = 4, f = 1: s = 2, Φ⁻¹(1/3).
    double z = ALittleIsEnough.authorsZ(4, 1);
    assertEquals(-0.4307273, z, 1e-6);
    assertArrayEquals(
        new float[] {(float) (2 - z), 0, (float) (-2 - 2 * z), (float) (10 - 3 * z)},
        ALittleIsEnough.authors().corrupt(new float[4], Contexts.of(HONEST)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ALittleIsEnough.authorsZ(4, 3));
    assertEquals(
        "alie-authors needs 1 <= s < n - f, with s = floor(n/2 + 1) - f; got n=4, f=3 (s=0)",
        e.getMessage());
  }

  @Test
  void alieKeepsItsNumbersThroughTheScaledForm() {
    ALittleIsEnough alie = new ALittleIsEnough(1.5);
    FaultContext c = Contexts.of(HONEST);
    assertArrayEquals(new float[] {0.5f, 0, -5, 5.5f}, alie.corrupt(new float[4], c));
    assertArrayEquals(alie.corrupt(new float[4], c), alie.corruptAt(-1.5, new float[4], c));
  }

  @Test
  void noiseWithAMeanShiftsEveryCoordinateAndKeepsTheZeroMeanNumbers() {
    float[] g = {1, -2, 3, 0.5f};
    FaultContext c = Contexts.of(HONEST);
    float[] plain = new GaussianNoise(0.5).corrupt(g, c);
    assertArrayEquals(plain, new GaussianNoise(0.5, 0).corrupt(g, Contexts.of(HONEST)));
    float[] biased = new GaussianNoise(0.5, 3).corrupt(g, Contexts.of(HONEST));
    float[] random = new RandomGaussian(0.5).corrupt(g, Contexts.of(HONEST));
    float[] randomBiased = new RandomGaussian(0.5, -1).corrupt(g, Contexts.of(HONEST));
    for (int j = 0; j < g.length; j++) {
      assertEquals(plain[j] + 3, biased[j], 1e-5);
      assertEquals(random[j] - 1, randomBiased[j], 1e-6);
    }
    // std 0: the mean alone.
    assertArrayEquals(
        new float[] {0.1f, 0.1f},
        new RandomGaussian(0, 0.1).corrupt(new float[2], Contexts.of(HONEST)));
  }

  @Test
  void mimicWarmupChoosesAnExtremeWorkerOnceAndKeepsCopyingIt() {
    // Honest workers 0, 1, 2 on a line along x: the direction of largest spread is ±x, so the
    // chosen worker is an end (0 or 2), never the middle one; from step 2 on it copies that worker.
    int[] honest = {0, 1, 2};
    float[][] step1 = {{0, 1}, {1, 1}, {5, 1}};
    MimicWarmup mimic = new MimicWarmup(1);
    float[] first = mimic.corrupt(new float[2], Contexts.of(3, 1, 4, honest, step1, 7));
    assertTrue(first[0] == 0 || first[0] == 5, "an end of the line: " + first[0]);
    int chosen = first[0] == 0 ? 0 : 2;
    float[][] step2 = {{10, 10}, {20, 20}, {30, 30}};
    assertArrayEquals(
        step2[chosen], mimic.corrupt(new float[2], Contexts.of(3, 2, 4, honest, step2, 7)));
    // Another worker of the same instance at the same step reports the same.
    assertArrayEquals(
        step2[chosen], mimic.corrupt(new float[2], Contexts.of(4, 2, 5, honest, step2, 7)));
  }

  @Test
  void mimicWarmupTracksTheDirectionDuringAWarmUpOfTwoSteps() {
    // Step 1: spread along x, z₁ = ±x, the target the end of that sign. Step 2 (W = 2): μ₂ = (μ₁ +
    // mean₂)/2 = (1, 50/3); the update weighs g − μ₂ by its projection on z₁ (−1, 0, 1 times ±1),
    // so the new direction is again ±x (the y outlier, worker 1, projects to 0) and the target
    // stays the same end; at step 3 (after the warm-up) that worker is copied.
    int[] honest = {0, 1, 2};
    MimicWarmup mimic = new MimicWarmup(2);
    float[] first =
        mimic.corrupt(
            new float[2], Contexts.of(3, 1, 4, honest, new float[][] {{0, 0}, {1, 0}, {2, 0}}, 3));
    assertTrue(first[0] == 0 || first[0] == 2, "an end of the line: " + first[0]);
    int end = first[0] == 0 ? 0 : 2;
    float[][] step2 = {{0, 0}, {1, 100}, {2, 0}};
    assertArrayEquals(
        step2[end], mimic.corrupt(new float[2], Contexts.of(3, 2, 4, honest, step2, 3)));
    float[][] step3 = {{7, 7}, {8, 8}, {9, 9}};
    assertArrayEquals(
        step3[end], mimic.corrupt(new float[2], Contexts.of(3, 3, 4, honest, step3, 3)));
  }

  /**
   * A plan whose mimic-warmup state was saved after step 2 of a 4-step warm-up and put back into a
   * new plan (a resumed run) reports what the original does at every later step, bit for bit; a new
   * plan without it restarts the warm-up. Stateless faults save nothing.
   */
  @Test
  void mimicWarmupStateRestoredGoesOnAsTheOriginal() {
    int[] faulty = {1, 3};
    FaultPlan original = new FaultPlan(6, faulty, "mimic-warmup:4", Map.of(), 1, 1, 9);
    java.util.SplittableRandom random = new java.util.SplittableRandom(5);
    float[][][] steps = new float[8][6][3];
    for (float[][] step : steps) {
      for (float[] g : step) {
        for (int j = 0; j < g.length; j++) {
          g[j] = (float) random.nextGaussian();
        }
      }
    }
    original.apply(1, steps[0]);
    original.apply(2, steps[1]);
    Map<Integer, FaultState> saved = FaultStates.of(original);
    assertEquals(java.util.Set.of(1), saved.keySet(), "one instance, keyed by its lowest worker");
    assertArrayEquals(new long[] {2, 2}, java.util.Arrays.copyOf(saved.get(1).counters(), 2));
    FaultPlan resumed = new FaultPlan(6, faulty, "mimic-warmup:4", Map.of(), 1, 1, 9);
    FaultStates.restore(resumed, saved);
    FaultPlan fresh = new FaultPlan(6, faulty, "mimic-warmup:4", Map.of(), 1, 1, 9);
    boolean differs = false;
    for (int t = 3; t <= 8; t++) {
      float[][] expected = original.apply(t, steps[t - 1]);
      float[][] actual = resumed.apply(t, steps[t - 1]);
      for (int w : faulty) {
        assertArrayEquals(expected[w], actual[w], "worker " + w + " step " + t);
      }
      differs |= !java.util.Arrays.equals(expected[1], fresh.apply(t, steps[t - 1])[1]);
    }
    assertTrue(differs, "without the state the warm-up starts again and copies another worker");
    assertTrue(FaultStates.of(new FaultPlan(6, faulty, "alie", Map.of(), 1, 1, 9)).isEmpty());
    assertEquals(
        java.util.Set.of(1),
        FaultStates.of(new FaultPlan(6, faulty, "shared:mimic-warmup", Map.of(), 1, 1, 9))
            .keySet());
  }

  @Test
  void sharedFaultsSendOneVectorPerStep() {
    int[] faulty = {0, 2, 4};
    float[][] g = {{1, 1}, {2, 2}, {3, 3}, {4, 4}, {5, 5}};
    FaultPlan own = new FaultPlan(5, faulty, "random:1", Map.of(), 1, 1, 42);
    FaultPlan shared = new FaultPlan(5, faulty, "shared:random:1", Map.of(), 1, 1, 42);
    for (long step = 1; step <= 3; step++) {
      float[][] mine = own.apply(step, g);
      float[][] ours = shared.apply(step, g);
      assertNotEquals(mine[0][0], mine[2][0]);
      // Every shared worker reports the lowest faulty worker's own draw.
      for (int w : faulty) {
        assertArrayEquals(mine[0], ours[w]);
      }
      assertEquals(g[1], ours[1]);
    }
    // Its own-gradient form: every worker sends worker 0's flipped gradient.
    float[][] flipped = new FaultPlan(5, faulty, "shared:signflip", Map.of(), 1, 1, 42).apply(1, g);
    assertArrayEquals(new float[] {-1, -1}, flipped[4]);
    // A deterministic omniscient fault gives the same either way.
    assertArrayEquals(
        new FaultPlan(5, faulty, "alie:1", Map.of(), 1, 1, 1).apply(1, g)[2],
        new FaultPlan(5, faulty, "shared:alie:1", Map.of(), 1, 1, 1).apply(1, g)[2]);
  }
}
