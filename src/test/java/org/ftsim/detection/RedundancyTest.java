package org.ftsim.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Redundancy on constructed steps: the truth of sub-batch o is a random vector t_o, an honest copy
 * is t_o itself, a liar's copy is t_o with one coordinate changed (by a different amount for each
 * liar, or the same for colluders).
 */
class RedundancyTest {

  private static final int D = 12;

  /** The copies of a step under {@code plan}: honest ones exact, liars' changed. */
  static Replicas step(int[][] owners, IntPredicate lies, boolean collude, long seed) {
    int n = owners[0].length;
    Random random = new Random(seed);
    float[][] truth = new float[n][D];
    for (float[] t : truth) {
      for (int k = 0; k < D; k++) {
        t[k] = (float) random.nextGaussian();
      }
    }
    float[][][] copies = new float[owners.length][n][];
    for (int j = 0; j < owners.length; j++) {
      for (int w = 0; w < n; w++) {
        copies[j][w] = truth[owners[j][w]].clone();
        if (lies.test(w)) {
          copies[j][w][3] += collude ? 1f : 1f + w; // any change of the bytes
        }
      }
    }
    return new Replicas(owners, copies);
  }

  private static boolean[] truthOf(int n, IntPredicate lies) {
    boolean[] out = new boolean[n];
    for (int w = 0; w < n; w++) {
      out[w] = lies.test(w);
    }
    return out;
  }

  @ParameterizedTest
  @CsvSource({"16,2", "16,3", "3,2", "5,3", "16,4"})
  void oneLiarIsFlaggedExactlyAtEveryStep(int n, int r) {
    Redundancy detector = new Redundancy(r);
    for (int liar = 0; liar < n; liar++) {
      int l = liar;
      for (long step = 1; step <= 10; step++) {
        int[][] owners = new ReplicationPlan(n, r, 3).owners(step);
        Detection d = detector.detect(step(owners, w -> w == l, false, step));
        assertArrayEquals(truthOf(n, w -> w == l), d.flagged(), "liar " + l + ", step " + step);
        // It disagreed with every other worker of its r sub-batches: 2(r − 1) of them when n is
        // large enough that they are distinct (at most n − 1).
        assertEquals(Math.min(2 * (r - 1), n - 1), d.suspicion()[l]);
      }
    }
  }

  @ParameterizedTest
  @CsvSource({"16,2", "16,3"})
  void nobodyLyingFlagsNobodyAndAnHonestWorkerBesideOneLiarIsNeverFlagged(int n, int r) {
    Redundancy detector = new Redundancy(r);
    for (long step = 1; step <= 50; step++) {
      int[][] owners = new ReplicationPlan(n, r, step).owners(step);
      assertEquals(0, detector.detect(step(owners, w -> false, false, step)).flaggedCount());
      int liar = (int) (step % n);
      Detection d = detector.detect(step(owners, w -> w == liar, true, step));
      for (int w = 0; w < n; w++) {
        assertEquals(w == liar, d.flagged()[w]);
      }
    }
  }

  @Test
  void withThreeCopiesTheMajorityNamesTheLiars() {
    // n = 6, r = 3 on the identity cycle: sub-batch o computed by o, o+1, o+2. Liars 0 and 3 never
    // share a sub-batch (3 apart), so each sub-batch has an honest majority.
    int n = 6;
    int[][] owners = cycle(n, 3);
    Detection d = new Redundancy(3).detect(step(owners, w -> w == 0 || w == 3, false, 1));
    assertArrayEquals(truthOf(n, w -> w == 0 || w == 3), d.flagged());
  }

  @Test
  void withTwoCopiesATieNothingBreaksFlagsEveryWorkerInIt() {
    // n = 6, r = 2 on the identity cycle (o computed by o and o+1). Liar 0 alone: its partners 5
    // and 1 agree elsewhere, so only 0 is flagged. Liars 0 and 1 side by side, each lying its own
    // way: the path 5-0-1-2 of disagreements has three largest consistent sets ({5,1}, {5,2},
    // {0,2}), so all four are flagged, the honest 5 and 2 included.
    int n = 6;
    int[][] owners = cycle(n, 2);
    Redundancy detector = new Redundancy(2);
    assertArrayEquals(
        truthOf(n, w -> w == 0), detector.detect(step(owners, w -> w == 0, false, 1)).flagged());
    assertArrayEquals(
        truthOf(n, w -> w == 5 || w == 0 || w == 1 || w == 2),
        detector.detect(step(owners, w -> w == 0 || w == 1, false, 1)).flagged());
  }

  @Test
  void aMissingCopyIsNoEvidence() {
    int n = 4;
    int[][] owners = cycle(n, 2);
    Replicas r = step(owners, w -> w == 1, false, 1);
    for (int j = 0; j < 2; j++) {
      r.copies()[j][1] = null; // the liar crashed: nothing it sent, nothing to judge
    }
    Detection d = new Redundancy(2).detect(r);
    assertEquals(0, d.flaggedCount());
    assertTrue(Double.isNaN(d.suspicion()[1]));
    assertEquals(0.0, d.suspicion()[0]);
  }

  @Test
  void theReportsAloneAreRefused() {
    assertThrows(
        IllegalStateException.class, () -> new Redundancy(2).detect(new float[][] {{1f}, {1f}}));
    assertThrows(IllegalArgumentException.class, () -> new Redundancy(1));
  }

  @Test
  void largestConsistentSetsMatchABruteForceOracle() {
    Random random = new Random(11);
    for (int trial = 0; trial < 300; trial++) {
      int n = 2 + random.nextInt(11);
      long[] conflicts = new long[n];
      for (int u = 0; u < n; u++) {
        for (int v = u + 1; v < n; v++) {
          if (random.nextDouble() < 0.3) {
            conflicts[u] |= 1L << v;
            conflicts[v] |= 1L << u;
          }
        }
      }
      // Brute force: every subset, the largest independent ones, who is left out of some.
      int best = 0;
      for (int s = 0; s < 1 << n; s++) {
        if (independent(conflicts, s)) {
          best = Math.max(best, Integer.bitCount(s));
        }
      }
      boolean[] outside = new boolean[n];
      for (int s = 0; s < 1 << n; s++) {
        if (Integer.bitCount(s) == best && independent(conflicts, s)) {
          for (int w = 0; w < n; w++) {
            outside[w] |= (s & (1 << w)) == 0;
          }
        }
      }
      assertEquals(best, ConsistentSets.alpha(conflicts, (1L << n) - 1), "trial " + trial);
      assertArrayEquals(outside, ConsistentSets.outsideSomeLargest(conflicts), "trial " + trial);
    }
    assertFalse(ConsistentSets.outsideSomeLargest(new long[3])[0]);
  }

  private static boolean independent(long[] conflicts, int s) {
    for (int w = 0; w < conflicts.length; w++) {
      if ((s & (1 << w)) != 0 && (conflicts[w] & s) != 0) {
        return false;
      }
    }
    return true;
  }

  /** The identity cycle: worker w computes the sub-batches of w, w − 1, …, w − r + 1. */
  private static int[][] cycle(int n, int r) {
    int[][] owners = new int[r][n];
    for (int j = 0; j < r; j++) {
      for (int w = 0; w < n; w++) {
        owners[j][w] = Math.floorMod(w - j, n);
      }
    }
    return owners;
  }
}
