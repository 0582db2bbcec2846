package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How the driver uses the library: parse, check before the run, apply every step. */
class DefenseTest {

  @Test
  void unknownNamesListTheValidOnes() {
    IllegalArgumentException rule =
        assertThrows(IllegalArgumentException.class, () -> Defense.parse("krumm", "", 1));
    assertTrue(rule.getMessage().contains("'krumm'"), rule.getMessage());
    assertTrue(rule.getMessage().contains(String.join(", ", AggregatorRegistry.names())));
    IllegalArgumentException pre =
        assertThrows(IllegalArgumentException.class, () -> Defense.parse("krum", "clip:2,nmm", 1));
    assertTrue(pre.getMessage().contains("'nmm'") && pre.getMessage().contains("bucketing"));
    IllegalArgumentException key =
        assertThrows(IllegalArgumentException.class, () -> Defense.parse("geomed:eps=1", "", 1));
    assertTrue(key.getMessage().contains("[nu, iters, tol]"), key.getMessage());
    IllegalArgumentException value =
        assertThrows(
            IllegalArgumentException.class, () -> Defense.parse("trimmed-mean:1.5", "", 1));
    assertTrue(value.getMessage().contains("integer"), value.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Defense.parse("multi-krum:0", "", 1));
    assertThrows(IllegalArgumentException.class, () -> Defense.parse("geomed:nu=0", "", 1));
    assertThrows(IllegalArgumentException.class, () -> Defense.parse("cclip:tau=-1", "", 1));
    assertThrows(IllegalArgumentException.class, () -> Defense.parse("mean", "bucketing:0", 1));
    assertThrows(IllegalArgumentException.class, () -> Defense.parse("mean", "clip:0", 1));
    assertThrows(IllegalArgumentException.class, () -> Defense.parse("median", "", -1));
  }

  @Test
  void theChainIsParsedInOrder() {
    Defense d = Defense.parse("krum", "clip:5, nnm,bucketing:2,arc", 1, 3);
    assertEquals("[clip:5.0, nnm, bucketing:2, arc]", d.preAggregators().toString());
    assertEquals("krum (pre clip:5,nnm,bucketing:2,arc)", d.toString());
    assertEquals(0, Defense.parse("mean", "  ", 0).preAggregators().size());
    assertEquals(0, Defense.parse("mean", null, 0).preAggregators().size());
  }

  @Test
  void infeasibleSetupsAreRefusedBeforeTheRunWithBothNumbers() {
    IllegalArgumentException krum =
        assertThrows(
            IllegalArgumentException.class, () -> Defense.parse("krum", "", 2).checkFeasible(5, 2));
    assertEquals("Krum needs n > 2f + 2; got n=5, f=2", krum.getMessage());
    IllegalArgumentException bulyan =
        assertThrows(
            IllegalArgumentException.class,
            () -> Defense.parse("bulyan", "", 2).checkFeasible(10, 2));
    assertEquals("Bulyan needs n >= 4f + 3; got n=10, f=2", bulyan.getMessage());
    Defense.parse("bulyan", "", 2).checkFeasible(11, 2);
    // Bucketing halves the rows the rule sees.
    IllegalArgumentException bucketed =
        assertThrows(
            IllegalArgumentException.class,
            () -> Defense.parse("krum", "bucketing:2", 2).checkFeasible(12, 2));
    assertEquals(
        "Krum needs n > 2f + 2; got n=6, f=2 (bucketing:2 turns 12 rows into 6)",
        bucketed.getMessage());
    // drop removes the known faulty workers first.
    IllegalArgumentException drop =
        assertThrows(
            IllegalArgumentException.class, () -> Defense.parse("drop", "", 4).checkFeasible(4, 4));
    assertTrue(
        drop.getMessage().contains("n=0") && drop.getMessage().contains("drop leaves 0 of 4"));
    Defense.parse("drop", "", 4).checkFeasible(5, 4);
    assertThrows(
        IllegalArgumentException.class, () -> Defense.parse("mean", "nnm", 3).checkFeasible(6, 0));
  }

  @Test
  void dropRemovesTheKnownFaultyWorkers() {
    float[][] rows = {{1, 1}, {100, 100}, {3, 3}, {Float.NaN, 0}};
    Aggregation a =
        Defense.parse("drop", "", 2).apply(rows, new boolean[] {false, true, false, true});
    assertArrayEquals(new float[] {2, 2}, a.gradient());
    assertEquals(2, a.kept());
    assertArrayEquals(new boolean[] {true, false, true, false}, a.used());
    assertThrows(
        IllegalArgumentException.class, () -> Defense.parse("drop", "", 2).apply(rows, null));
    // Other rules ignore the mask, which may be null.
    assertEquals(4, Defense.parse("mean", "", 0).apply(rows, null).kept());
  }

  @Test
  void keptAndUsedAreReportedInWorkers() {
    float[][] rows = Gradients.normal(4, 11, 20, 1);
    // NNM mixes n - f = 9 rows into each; Krum keeps one mixed row: k = 9 workers.
    Aggregation nnm = Defense.parse("krum", "nnm", 2).apply(rows, null);
    assertEquals(9, nnm.kept());
    assertEquals(9, Rows.count(nnm.used()));
    // Bucketing:2 then Krum: one bucket, of two workers or (the last) of one.
    for (long seed = 0; seed < 6; seed++) {
      Aggregation bucket = Defense.parse("krum", "bucketing:2", 1, seed).apply(rows, null);
      int members = Rows.count(bucket.used());
      assertTrue(members == 1 || members == 2);
      assertEquals(members, bucket.kept());
      assertArrayEquals(Rows.mean(rows, bucket.used()), bucket.gradient());
    }
    // Mean after bucketing still stands for every worker.
    Aggregation mean = Defense.parse("mean", "bucketing:3", 2).apply(rows, null);
    assertEquals(11, mean.kept());
    // drop + clip: used maps back through the removed rows.
    Aggregation dropped =
        Defense.parse("drop", "clip:1", 2)
            .apply(
                rows,
                new boolean[] {
                  true, false, false, false, false, false, false, false, false, false, true
                });
    assertEquals(9, dropped.kept());
    assertFalse(dropped.used()[0] || dropped.used()[10]);
  }

  @Test
  void bucketingIsReproducibleFromTheSeedAndChangesEveryStep() {
    float[][] rows = Gradients.normal(8, 12, 6, 1);
    Defense a = Defense.parse("krum", "bucketing:2", 1, 99);
    Defense b = Defense.parse("krum", "bucketing:2", 1, 99);
    Defense other = Defense.parse("krum", "bucketing:2", 1, 100);
    float[][] first = new float[5][];
    boolean differsAcrossSteps = false;
    boolean differsAcrossSeeds = false;
    for (int step = 0; step < 5; step++) {
      Aggregation x = a.apply(rows, null);
      Aggregation y = b.apply(rows, null);
      assertArrayEquals(x.gradient(), y.gradient());
      assertArrayEquals(x.used(), y.used());
      first[step] = x.gradient();
      differsAcrossSteps |= step > 0 && !Arrays.equals(first[step], first[0]);
      differsAcrossSeeds |= !Arrays.equals(other.apply(rows, null).gradient(), x.gradient());
    }
    assertTrue(differsAcrossSteps && differsAcrossSeeds);
    a.reset();
    assertArrayEquals(first[0], a.apply(rows, null).gradient());
  }

  @Test
  void centeredClippingStateIsPerDefenseAndReset() {
    float[][] rows = Gradients.normal(2, 7, 10, 1);
    Defense d = Defense.parse("cclip:0.5,1", "", 1);
    float[] first = d.apply(rows, null).gradient();
    float[] second = d.apply(rows, null).gradient();
    assertFalse(Arrays.equals(first, second), "the second step starts from the first aggregate");
    d.reset();
    assertArrayEquals(first, d.apply(rows, null).gradient());
  }

  /**
   * A defense, its pre-aggregators and its rule together, never writes into the reports it is given
   * (the workers' rows are computed from them on another thread meanwhile), whatever the chain (the
   * drop oracle among the rules), with a non-finite report among them.
   */
  @Test
  void theReportsAreLeftUntouchedByEveryChain() {
    int d = 2 * CoordinateBlocks.BLOCK + 5;
    float[][] rows = Gradients.normal(8, 11, d, 1);
    Arrays.fill(rows[3], Float.NaN);
    rows[7][2] = Float.NEGATIVE_INFINITY;
    float[][] before = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      before[i] = rows[i].clone();
    }
    boolean[] faulty = new boolean[rows.length];
    faulty[3] = true;
    float[] root = Gradients.normal(9, 1, d, 1)[0];
    List<String> chains = new ArrayList<>(List.of("", "clip:1,nnm,arc", "bucketing:2,nnm"));
    PreAggregatorRegistry.names().forEach(chains::add);
    for (String pre : chains) {
      for (String rule : AggregatorRegistry.names()) {
        Defense defense = Defense.parse(rule, pre, 2, 1);
        float[][] given = rows.clone();
        try {
          defense.apply(given, faulty, root);
        } catch (IllegalArgumentException infeasible) {
          continue; // a chain the rule cannot take for n = 11, f = 2
        }
        for (int i = 0; i < rows.length; i++) {
          String where = rule + " after '" + pre + "': row " + i;
          assertSame(rows[i], given[i], where + " replaced");
          assertArrayEquals(before[i], rows[i], where + " written");
        }
      }
    }
  }

  @Test
  void robustChainsSurviveNonFiniteWorkers() {
    float[][] rows = Gradients.normal(6, 11, 30, 1);
    Arrays.fill(rows[3], Float.NaN);
    rows[7][2] = Float.NEGATIVE_INFINITY;
    for (String pre : new String[] {"", "nnm", "bucketing:1", "arc", "clip:1", "clip:1,nnm,arc"}) {
      for (String rule : new String[] {"krum", "median", "geomed", "cclip", "bulyan"}) {
        float[] g = Defense.parse(rule, pre, 2, 1).apply(rows, null).gradient();
        for (float v : g) {
          assertTrue(Float.isFinite(v), rule + " after '" + pre + "'");
        }
      }
    }
  }

  @Test
  void missingReportsCountAsFaultyWhenTheDeclaredFNoLongerFits() {
    float[][] rows = Gradients.normal(12, 7, 15, 1);
    Defense krum = Defense.parse("krum", "nnm", 2);
    krum.checkFeasible(7, 2);
    // All 7 arrive: Krum for f = 2 on NNM(f = 2) rows.
    assertEquals(5, krum.apply(rows, null).kept());
    // One crash: 6 rows do not satisfy n > 2f + 2 for f = 2, so f = 1 is used (NNM mixes 5).
    float[][] six = Arrays.copyOf(rows, 6);
    Aggregation a = krum.apply(six, null);
    float[][] mixed = new NearestNeighborMixing(1).apply(six);
    int chosen = BruteForce.krum(mixed, 1);
    assertArrayEquals(mixed[chosen], a.gradient());
    assertEquals(5, a.kept());
    // Three crashes: f = 0, NNM mixes all four rows into their mean.
    float[][] four = Arrays.copyOf(rows, 4);
    Aggregation all = krum.apply(four, null);
    assertArrayEquals(Mean.mean(four), all.gradient());
    assertEquals(4, all.kept());
    // Feasible with the declared f: no change of f (median needs n > 2f: 6 > 4).
    Defense median = Defense.parse("median", "", 2);
    median.checkFeasible(7, 2);
    assertArrayEquals(
        new CoordinateMedian(2).aggregate(six).gradient(), median.apply(six, null).gradient());
    // Without checkFeasible the defense does not know how many are missing, and refuses.
    assertThrows(
        IllegalArgumentException.class, () -> Defense.parse("krum", "", 2).apply(six, null));
  }
}
