package org.ftsim.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The precision, recall, F1 and delay arithmetic, on three steps worked by hand. */
class DetectionScoreTest {

  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void threeStepsByHand() {
    // Workers 0 and 1 faulty; 1 misbehaves only from step 2; worker 3 crashes at step 3.
    boolean[] faulty = {T, T, F, F};
    DetectionScore s = new DetectionScore(4);
    // Step 1: 0 misbehaves, flagged (TP); 1 behaves, flagged (FP, not honest); 2 flagged (FP).
    s.record(
        1,
        new boolean[] {T, T, T, T},
        new boolean[] {T, F, F, F},
        faulty,
        new boolean[] {T, T, T, F});
    // Step 2: 0 missed (FN); 1 missed (FN).
    s.record(
        2,
        new boolean[] {T, T, T, T},
        new boolean[] {T, T, F, F},
        faulty,
        new boolean[] {F, F, F, F});
    // Step 3: 0 TP, 1 TP; 3's flag does not count (nothing arrived).
    s.record(
        3,
        new boolean[] {T, T, T, F},
        new boolean[] {T, T, F, F},
        faulty,
        new boolean[] {T, T, F, T});
    assertEquals(3, s.steps());
    assertEquals(3, s.trueFlags());
    assertEquals(2, s.falseFlags());
    assertEquals(2, s.missed());
    assertEquals(1, s.honestFlags());
    assertEquals(3 / 5.0, s.precision(), 1e-15);
    assertEquals(3 / 5.0, s.recall(), 1e-15);
    assertEquals(6 / 10.0, s.f1(), 1e-15);
    // Worker 0: first misbehaved and caught at 1 (delay 0); worker 1: from 2, caught at 3.
    assertEquals(List.of(0, 1), s.delays(new int[] {0, 1}));
  }

  @Test
  void undefinedRatiosAreNull() {
    DetectionScore s = new DetectionScore(2);
    s.record(
        1, new boolean[] {T, T}, new boolean[] {F, F}, new boolean[] {F, F}, new boolean[] {F, F});
    assertNull(s.precision());
    assertNull(s.recall());
    assertNull(s.f1());
    assertEquals(Arrays.asList((Integer) null), s.delays(new int[] {0}));
  }

  @Test
  void noCorrectFlagGivesZeroF1() {
    DetectionScore s = new DetectionScore(2);
    s.record(
        1, new boolean[] {T, T}, new boolean[] {T, F}, new boolean[] {T, F}, new boolean[] {F, T});
    assertEquals(0, s.precision());
    assertEquals(0, s.recall());
    assertEquals(0, s.f1());
  }

  @Test
  void stateRoundTrips() {
    DetectionScore a = new DetectionScore(2);
    a.record(
        1, new boolean[] {T, T}, new boolean[] {F, T}, new boolean[] {F, T}, new boolean[] {F, F});
    a.record(
        2, new boolean[] {T, T}, new boolean[] {F, T}, new boolean[] {F, T}, new boolean[] {T, T});
    DetectionScore b = new DetectionScore(2);
    b.restore(a.state());
    assertEquals(a.f1(), b.f1());
    assertEquals(a.delays(new int[] {1}), b.delays(new int[] {1}));
    assertEquals(List.of(1), b.delays(new int[] {1}));
  }
}
