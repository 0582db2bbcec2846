package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which healthy worker each faulty worker copies. */
class ReplicaPlanTest {

  private static final int[] FAULTY = {0, 1, 2, 3, 4};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 42, -7})
  void neverAFaultyWorkerAndCoversEveryHealthyOne(long seed) {
    ReplicaPlan plan = new ReplicaPlan(16, FAULTY, seed);
    for (int w : FAULTY) {
      Set<Integer> seen = new HashSet<>();
      for (long step = 1; step <= 500; step++) {
        int source = plan.source(step, w);
        assertTrue(source >= 5 && source < 16, "worker " + w + " copies " + source);
        seen.add(source);
      }
      assertEquals(11, seen.size(), "worker " + w + " copied " + seen);
    }
  }

  @Test
  void deterministicPerSeedAndIndependentAcrossWorkersAndSteps() {
    ReplicaPlan a = new ReplicaPlan(16, FAULTY, 1);
    ReplicaPlan b = new ReplicaPlan(16, FAULTY, 1);
    ReplicaPlan other = new ReplicaPlan(16, FAULTY, 2);
    boolean seedMatters = false;
    boolean workersDiffer = false;
    for (long step = 1; step <= 50; step++) {
      assertArrayEquals(a.batchOwners(step), b.batchOwners(step));
      seedMatters |= !Arrays.equals(a.batchOwners(step), other.batchOwners(step));
      workersDiffer |= a.source(step, 0) != a.source(step, 1);
    }
    assertTrue(seedMatters);
    assertTrue(workersDiffer);
  }

  /** Healthy workers compute their own sub-batch; faulty ones their source's. */
  @Test
  void batchOwnersMapEveryWorker() {
    ReplicaPlan plan = new ReplicaPlan(6, new int[] {4, 1}, 3);
    int[] owners = plan.batchOwners(9);
    for (int w : new int[] {0, 2, 3, 5}) {
      assertEquals(w, owners[w]);
    }
    assertEquals(plan.source(9, 1), owners[1]);
    assertEquals(plan.source(9, 4), owners[4]);
    assertFalse(owners[1] == 1 || owners[1] == 4 || owners[4] == 1 || owners[4] == 4);
    assertArrayEquals(new int[] {0, 2, 3, 5}, plan.healthyWorkers());
  }

  @Test
  void oneHealthyWorkerIsAlwaysCopied() {
    ReplicaPlan plan = new ReplicaPlan(3, new int[] {0, 2}, 5);
    for (long step = 1; step <= 20; step++) {
      assertArrayEquals(new int[] {1, 1, 1}, plan.batchOwners(step));
    }
  }

  @Test
  void invalidPlansAreRefused() {
    assertEquals(
        "a replica needs a healthy worker; got n=2, f=2 faulty",
        assertThrows(IllegalArgumentException.class, () -> new ReplicaPlan(2, new int[] {0, 1}, 1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new ReplicaPlan(4, new int[] {4}, 1));
    assertThrows(IllegalArgumentException.class, () -> new ReplicaPlan(4, new int[] {1, 1}, 1));
    assertThrows(IllegalArgumentException.class, () -> new ReplicaPlan(0, new int[] {}, 1));
    ReplicaPlan plan = new ReplicaPlan(4, new int[] {1}, 1);
    assertEquals(
        "worker 2 is not a faulty worker of this plan",
        assertThrows(IllegalArgumentException.class, () -> plan.source(1, 2)).getMessage());
  }
}
