package org.ftsim.detection;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The redundancy plan: seeded, symmetric, r distinct copies of every sub-batch. */
class ReplicationPlanTest {

  @ParameterizedTest
  @CsvSource({"16,2", "16,3", "5,5", "2,2", "7,3"})
  void everySubBatchHasRDistinctCopiesAndEveryWorkerComputesR(int n, int r) {
    ReplicationPlan plan = new ReplicationPlan(n, r, 42);
    for (long step = 1; step <= 30; step++) {
      int[][] owners = plan.owners(step);
      assertEquals(r, owners.length);
      int[] copies = new int[n];
      for (int w = 0; w < n; w++) {
        assertEquals(w, owners[0][w]);
        Set<Integer> computed = new HashSet<>();
        for (int j = 0; j < r; j++) {
          computed.add(owners[j][w]);
          copies[owners[j][w]]++;
        }
        assertEquals(r, computed.size(), "worker " + w + " computes r distinct sub-batches");
      }
      int[] expected = new int[n];
      Arrays.fill(expected, r);
      assertArrayEquals(expected, copies);
    }
    assertEquals((long) (r - 1) * n, plan.extraGradientsPerStep());
  }

  @ParameterizedTest
  @CsvSource({"16,2", "16,3"})
  void oneSeedOnePlanAndThePartnersChange(int n, int r) {
    ReplicationPlan a = new ReplicationPlan(n, r, 1);
    ReplicationPlan b = new ReplicationPlan(n, r, 1);
    for (long step = 1; step <= 20; step++) {
      assertArrayEquals(a.owners(step), b.owners(step));
    }
    assertFalse(Arrays.deepEquals(a.owners(1), a.owners(2)), "a new permutation per step");
    assertFalse(
        Arrays.deepEquals(a.owners(1), new ReplicationPlan(n, r, 2).owners(1)),
        "another seed, another plan");
    // Known answer: seed 1's plan for 4 workers, r = 2, at step 1 (fixed once; any change to the
    // plan's draws changes the bits of every redundancy run).
    assertArrayEquals(
        new int[][] {{0, 1, 2, 3}, KNOWN_STEP_1}, new ReplicationPlan(4, 2, 1).owners(1));
  }

  private static final int[] KNOWN_STEP_1 = {2, 0, 3, 1}; // the cycle 2 → 0 → 1 → 3 → 2

  @ParameterizedTest
  @CsvSource({"16,1", "16,17", "1,2"})
  void rOutsideTwoToNIsRefused(int n, int r) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new ReplicationPlan(n, r, 1));
    assertEquals(
        "redundancy needs 2 <= r <= n copies of each sub-batch; got r=" + r + ", n=" + n,
        e.getMessage());
  }
}
