package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the faulty workers are dealt ({@code --byzantine-data}), and the validation hold-out. */
class ByzantineDataTest {

  private static final int[] FAULTY = {1, 4};

  private static BatchPlan plan(String partition, String mode, int globalBatch) {
    return ByzantineData.plan(
        Partitioners.create(partition),
        PartitionerTest.labelled(4000, 10, 3),
        globalBatch,
        5,
        FAULTY,
        mode,
        7);
  }

  /** The default keeps today's plan exactly. */
  @ParameterizedTest
  @ValueSource(strings = {"iid", "label-sorted", "dirichlet:0.5"})
  void partitionedIsTodaysPlan(String partition) {
    Dataset train = PartitionerTest.labelled(4000, 10, 3);
    BatchPlan today = Partitioners.create(partition).plan(train, 100, 5, 7);
    BatchPlan plan = plan(partition, "partitioned", 100);
    for (int w = 0; w < 5; w++) {
      assertArrayEquals(today.subBatch(2, 3, w), plan.subBatch(2, 3, w));
    }
  }

  /**
   * iid: the honest workers' pools are the partition of the whole training set over the 3 honest
   * workers (label-sorted: each sees few labels, all samples dealt once among them); each faulty
   * worker's pool is an IID shard of N / 3 samples of the whole set; everyone computes gb / n.
   */
  @Test
  void iidGivesTheFaultyWorkersIidShards() {
    BatchPlan plan = plan("label-sorted", "iid", 100);
    int[][] pools = PartitionerTest.pools(plan);
    int[] seen = new int[4000];
    for (int w : new int[] {0, 2, 3}) {
      for (int i : pools[w]) {
        seen[i]++;
      }
    }
    assertTrue(Arrays.stream(seen).allMatch(c -> c == 1), "honest pools cover the set once");
    Dataset train = PartitionerTest.labelled(4000, 10, 3);
    for (int w : FAULTY) {
      assertEquals(4000 / 3 + (w == 1 ? 1 : 0), pools[w].length, "worker " + w);
      int[] labels = new int[10];
      for (int i : pools[w]) {
        labels[train.label(i)]++;
      }
      // An IID shard of 1,333 samples holds every one of the 10 labels.
      assertTrue(Arrays.stream(labels).allMatch(c -> c > 60), Arrays.toString(labels));
      assertEquals(20, plan.subBatch(1, 0, w).length);
    }
    // The honest label-sorted pools see few labels each.
    int[][] histogram = plan.labelHistogram(train);
    assertTrue(Arrays.stream(histogram[0]).filter(c -> c > 0).count() <= 5);
    assertEquals(40, plan.stepsPerEpoch(), "an epoch counts the training set, N / gb");
  }

  /** none: the honest workers share the whole global batch and the faulty ones compute nothing. */
  @Test
  void noneDealsOnlyToHonestWorkers() {
    BatchPlan plan = plan("iid", "none", 100);
    int[][] pools = PartitionerTest.pools(plan);
    assertEquals(0, pools[1].length);
    assertEquals(0, pools[4].length);
    int[] seen = new int[4000];
    for (int w : new int[] {0, 2, 3}) {
      for (int i : pools[w]) {
        seen[i]++;
      }
    }
    assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
    assertEquals(34, plan.subBatch(1, 5, 0).length);
    assertEquals(33, plan.subBatch(1, 5, 2).length);
    assertEquals(33, plan.subBatch(1, 5, 3).length);
    assertEquals(0, plan.subBatch(1, 5, 1).length);
    assertEquals(40, plan.stepsPerEpoch());
  }

  @Test
  void unknownModeListsTheValidOnes() {
    assertEquals(
        "unknown mode 'some'; valid: partitioned, iid, none",
        assertThrows(IllegalArgumentException.class, () -> plan("iid", "some", 100)).getMessage());
  }

  /**
   * The hold-out is disjoint from what is trained on, and the two cover the training set: ByzFL's
   * 0.8 keeps ⌊0.8·N⌋.
   */
  @ParameterizedTest
  @ValueSource(doubles = {0.2, 0.5, 0.01})
  void holdoutIsDisjointAndCovers(double fraction) {
    Dataset train = PartitionerTest.labelled(1000, 10, 4);
    TrainTest split = Holdout.split(new TrainTest(train, train), fraction, 9);
    int kept = (int) ((1 - fraction) * 1000);
    assertEquals(kept, split.train().size());
    assertEquals(1000 - kept, split.validation().size());
    int[] seen = new int[1000];
    // The test features hold each sample's index: x[i] = i.
    float[] one = new float[1];
    for (Dataset part : new Dataset[] {split.train(), split.validation()}) {
      for (int i = 0; i < part.size(); i++) {
        part.features().copy(i, one, 0);
        int original = (int) one[0];
        seen[original]++;
        assertEquals(train.label(original), part.label(i), "labels travel with their samples");
      }
    }
    assertTrue(Arrays.stream(seen).allMatch(c -> c == 1));
    assertEquals(
        split.validation().size(),
        Holdout.split(new TrainTest(train, train), fraction, 9).validation().size());
  }

  @Test
  void holdoutIsSeeded() {
    Dataset train = PartitionerTest.labelled(1000, 10, 4);
    float[] a = new float[1];
    float[] b = new float[1];
    Holdout.split(new TrainTest(train, train), 0.2, 1).validation().features().copy(0, a, 0);
    Holdout.split(new TrainTest(train, train), 0.2, 1).validation().features().copy(0, b, 0);
    assertEquals(a[0], b[0]);
    boolean[] one = Holdout.trainedOn(1000, 800, 1);
    boolean[] other = Holdout.trainedOn(1000, 800, 2);
    assertTrue(!Arrays.equals(one, other), "another seed holds out other samples");
  }

  @Test
  void noHoldoutIsTheSameData() {
    Dataset train = PartitionerTest.labelled(10, 2, 4);
    TrainTest data = new TrainTest(train, train);
    assertEquals(data, Holdout.split(data, 0, 1));
  }
}
