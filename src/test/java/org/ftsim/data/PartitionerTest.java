package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PartitionerTest {

  /** A labelled set of {@code n} samples over {@code classes} classes, in shuffled label order. */
  static Dataset labelled(int n, int classes, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] labels = new byte[n];
    float[] x = new float[n];
    for (int i = 0; i < n; i++) {
      labels[i] = (byte) random.nextInt(classes);
      x[i] = i;
    }
    return new Dataset(
        "test", new Features.Floats(x, 1), labels, null, classes, InputShape.flat(1));
  }

  static int[][] pools(BatchPlan plan) {
    int[][] pools = new int[plan.workers()][];
    for (int w = 0; w < pools.length; w++) {
      pools[w] = plan.dealt(w);
    }
    return pools;
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"dirichlet:0.1", "dirichlet:1", "dirichlet:100", "label-sorted", "gamma:0.3"})
  void everySampleIsDealtExactlyOnce(String spec) {
    Dataset train = labelled(5000, 10, 1);
    BatchPlan plan = Partitioners.create(spec).plan(train, 160, 16, 42);
    assertTrue(plan.isPooled());
    int[] seen = new int[train.size()];
    for (int[] pool : pools(plan)) {
      for (int i : pool) {
        seen[i]++;
      }
    }
    assertTrue(Arrays.stream(seen).allMatch(c -> c == 1), spec + ": every sample in one pool");
  }

  @ParameterizedTest
  @ValueSource(strings = {"dirichlet:0.5", "label-sorted", "gamma:0.5"})
  void sameSeedSameShardsAndAnotherSeedOthers(String spec) {
    Dataset train = labelled(3000, 10, 2);
    Partitioner p = Partitioners.create(spec);
    int[][] a = pools(p.plan(train, 64, 8, 5));
    int[][] b = pools(Partitioners.create(spec).plan(train, 64, 8, 5));
    int[][] c = pools(p.plan(train, 64, 8, 6));
    assertTrue(Arrays.deepEquals(a, b), "same seed, same pools");
    assertFalse(Arrays.deepEquals(a, c), "another seed, other pools");
    BatchPlan plan = p.plan(train, 64, 8, 5);
    assertArrayEquals(plan.subBatch(2, 3, 4), p.plan(train, 64, 8, 5).subBatch(2, 3, 4));
  }

  /** Label skew (mean total-variation distance to the global label distribution) vs alpha. */
  @Test
  void dirichletSkewGrowsAsAlphaShrinks() {
    Dataset train = labelled(20000, 10, 3);
    double previous = -1;
    for (String alpha : new String[] {"1000", "10", "1", "0.1"}) {
      double skew = 0;
      for (long seed = 1; seed <= 3; seed++) {
        BatchPlan plan = Partitioners.create("dirichlet:" + alpha).plan(train, 64, 8, seed);
        skew += Partitioners.meanTotalVariation(plan.labelHistogram(train)) / 3;
      }
      assertTrue(skew > previous, "alpha " + alpha + ": skew " + skew + " after " + previous);
      previous = skew;
    }
    assertTrue(previous > 0.5, "alpha 0.1 is strongly skewed: " + previous);
    double nearlyIid =
        Partitioners.meanTotalVariation(
            Partitioners.create("dirichlet:1000").plan(train, 64, 8, 1).labelHistogram(train));
    assertTrue(nearlyIid < 0.05, "alpha 1000 is nearly IID: " + nearlyIid);
  }

  @Test
  void labelSortedGivesEachWorkerAFewLabelsAndGammaInterpolates() {
    Dataset train = labelled(4000, 10, 4);
    BatchPlan sorted = Partitioners.create("label-sorted").plan(train, 100, 10, 1);
    int[][] histogram = sorted.labelHistogram(train);
    for (int[] counts : histogram) {
      // 400 samples per worker, about 400 per label: a pool straddles at most three labels.
      assertTrue(Arrays.stream(counts).filter(c -> c > 0).count() <= 3, Arrays.toString(counts));
    }
    for (int[] pool : pools(sorted)) {
      assertTrue(pool.length == 400, "equal pools");
    }
    double[] skew = new double[3];
    String[] specs = {"gamma:1", "gamma:0.5", "gamma:0"};
    for (int s = 0; s < 3; s++) {
      skew[s] =
          Partitioners.meanTotalVariation(
              Partitioners.create(specs[s]).plan(train, 100, 10, 1).labelHistogram(train));
    }
    assertTrue(skew[0] < 0.1 && skew[0] < skew[1] && skew[1] < skew[2], Arrays.toString(skew));
    assertEquals(
        Partitioners.meanTotalVariation(histogram), skew[2], 1e-9, "gamma:0 is label-sorted");
  }

  /**
   * A worker's sub-batches come from its own pool, have its share of the global batch, never repeat
   * a sample, and walk its reshuffled pool from the start each epoch, wrapping around.
   */
  @ParameterizedTest
  @CsvSource({"100, 7", "64, 8", "33, 4"})
  void pooledSubBatchesWalkTheWorkersOwnReshuffledPool(int globalBatch, int n) {
    Dataset train = labelled(2000, 10, 5);
    BatchPlan plan = Partitioners.create("dirichlet:0.3").plan(train, globalBatch, n, 9);
    assertEquals(2000 / globalBatch, plan.stepsPerEpoch());
    for (int w = 0; w < n; w++) {
      int[] pool = plan.dealt(w);
      Set<Integer> own = new HashSet<>();
      Arrays.stream(pool).forEach(own::add);
      int size = globalBatch / n + (w < globalBatch % n ? 1 : 0);
      for (int epoch = 1; epoch <= 2; epoch++) {
        int[] walk = new int[plan.stepsPerEpoch() * size];
        for (int t = 0; t < plan.stepsPerEpoch(); t++) {
          int[] sub = plan.subBatch(epoch, t, w);
          assertEquals(size, sub.length);
          assertEquals(size, Arrays.stream(sub).distinct().count(), "no sample twice");
          for (int i : sub) {
            assertTrue(own.contains(i), "from its own pool");
          }
          System.arraycopy(sub, 0, walk, t * size, size);
        }
        // The walk is the epoch's order of the pool, repeated: position i holds order[i mod
        // |pool|].
        for (int i = pool.length; i < walk.length; i++) {
          assertEquals(walk[i - pool.length], walk[i]);
        }
        int distinct = (int) Arrays.stream(walk).distinct().count();
        assertEquals(Math.min(pool.length, walk.length), distinct);
      }
      assertFalse(
          Arrays.equals(plan.subBatch(1, 0, w), plan.subBatch(2, 0, w)), "reshuffled each epoch");
    }
  }

  @Test
  void iidPlanDealsEpochOneAndRecordsItsHistogram() {
    Dataset train = labelled(1000, 4, 6);
    BatchPlan plan = Partitioners.create("iid").plan(train, 100, 4, 1);
    assertFalse(plan.isPooled());
    int total = Arrays.stream(plan.labelHistogram(train)).flatMapToInt(Arrays::stream).sum();
    assertEquals(1000, total, "every sample once in epoch 1");
  }

  @Test
  void badSpecsAndInfeasiblePartitionsAreClearErrors() {
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Partitioners.create("shards:3"))
            .getMessage()
            .contains("valid: iid, dirichlet:alpha, label-sorted, gamma:g"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Partitioners.create("dirichlet"))
            .getMessage()
            .contains("needs a value for alpha"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Partitioners.create("dirichlet:0"))
            .getMessage()
            .contains("alpha must be a finite number > 0"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Partitioners.create("gamma:1.5"))
            .getMessage()
            .contains("gamma must be in [0, 1]"));
    assertThrows(IllegalArgumentException.class, () -> Partitioners.create("iid:2"));
    Dataset train = labelled(300, 10, 7);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> Partitioners.create("dirichlet:0.001").plan(train, 256, 8, 1))
            .getMessage()
            .contains("use a larger alpha or a smaller global batch"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> Partitioners.create("label-sorted").plan(labelled(40, 2, 1), 64, 8, 1))
            .getMessage()
            .contains("fewer than its sub-batch of 8"));
  }
}
