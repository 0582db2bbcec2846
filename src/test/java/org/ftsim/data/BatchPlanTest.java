package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BatchPlanTest {

  @ParameterizedTest
  @CsvSource({
    "60000, 512, 16, 118",
    "1000, 100, 3, 10",
    "1003, 100, 7, 10",
    "1005, 100, 4, 11",
    "17, 17, 17, 1"
  })
  void everySampleOnceAnEpochInNearlyEqualContiguousSubBatches(int size, int gb, int n, int steps) {
    BatchPlan plan = new BatchPlan(size, gb, n, 42);
    assertEquals(steps, plan.stepsPerEpoch());
    for (int epoch = 1; epoch <= 2; epoch++) {
      int[] seen = new int[size];
      int[] order = plan.order(epoch);
      int position = 0;
      for (int t = 0; t < plan.stepsPerEpoch(); t++) {
        int min = Integer.MAX_VALUE;
        int max = 0;
        for (int w = 0; w < n; w++) {
          int[] sub = plan.subBatch(epoch, t, w);
          min = Math.min(min, sub.length);
          max = Math.max(max, sub.length);
          for (int i : sub) {
            seen[i]++;
            // contiguous: worker w's sub-batch follows worker w-1's in the shuffled order
            assertEquals(order[position++], i);
          }
        }
        assertTrue(max - min <= 1, "sizes differ by at most one");
        assertTrue(min >= 1, "no worker is left without samples");
      }
      int dropped = size - position;
      assertTrue(dropped < n, "only a last batch smaller than n is dropped");
      assertEquals(size - dropped, Arrays.stream(seen).sum());
      assertTrue(Arrays.stream(seen).allMatch(c -> c <= 1), "no sample twice in an epoch");
    }
  }

  @ParameterizedTest
  @CsvSource({"1", "7"})
  void sameSeedSameBatchesAndEpochsDiffer(long seed) {
    BatchPlan a = new BatchPlan(5000, 256, 8, seed);
    BatchPlan b = new BatchPlan(5000, 256, 8, seed);
    assertArrayEquals(a.subBatch(2, 3, 5), b.subBatch(2, 3, 5));
    assertFalse(Arrays.equals(a.order(1), a.order(2)));
    assertFalse(Arrays.equals(a.order(1), new BatchPlan(5000, 256, 8, seed + 1).order(1)));
  }

  @ParameterizedTest
  @CsvSource({"96, 16, 6", "100, 16, 7", "10, 4, 3"})
  void theFirstBmodNWorkersTakeOneMore(int batch, int n, int firstSize) {
    BatchPlan plan = new BatchPlan(batch, batch, n, 1);
    assertEquals(firstSize, plan.subBatch(1, 0, 0).length);
    assertEquals(batch / n, plan.subBatch(1, 0, n - 1).length);
  }

  @Test
  void subBatchLengthIsTheLengthOfTheSubBatchWithoutBuildingIt() {
    // IID with a last, partial global batch (1,000 = 3 × 300 + 100 over 7 workers), and pools
    // with a worker dealt nothing (--byzantine-data none).
    BatchPlan iid = new BatchPlan(1000, 300, 7, 3);
    BatchPlan pooled =
        BatchPlan.pooled(
            new int[][] {{0, 1, 2, 3}, {}, {4, 5, 6, 7, 8}}, new int[] {2, 0, 3}, 9, 3);
    for (BatchPlan plan : List.of(iid, pooled)) {
      for (int step = 0; step < 4; step++) {
        for (int w = 0; w < plan.workers(); w++) {
          assertEquals(plan.subBatch(1, step, w).length, plan.subBatchLength(step, w));
        }
      }
    }
    assertEquals(0, pooled.subBatchLength(0, 1));
    // 300 over 7 workers: 42 each, the first 300 mod 7 = 6 one more.
    assertEquals(43, iid.subBatchLength(0, 0));
    assertEquals(42, iid.subBatchLength(0, 6));
  }
}
