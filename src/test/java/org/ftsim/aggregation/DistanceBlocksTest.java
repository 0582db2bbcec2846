package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The distances put together from per-group partials, as the executors compute them on their blocks
 * of coordinates alone, are {@link PairwiseDistances}' bit for bit, in whatever order the partials
 * arrive; and the rules' selections combined block by block are the rules' aggregates.
 */
class DistanceBlocksTest {

  /** Group g's coordinates of every row, as an executor task holds them. */
  private static float[][] block(float[][] rows, DistanceBlocks b, int g) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = Arrays.copyOfRange(rows[i], b.from(g), b.to(g));
    }
    return out;
  }

  @Test
  void theGeometryDependsOnNAndD() {
    DistanceBlocks mlp16 = DistanceBlocks.of(16, 468_874);
    assertEquals(65_536, mlp16.columns());
    assertEquals(1, mlp16.groups()); // 30 MB of floats: one group, as before groups existed
    DistanceBlocks mlp1024 = DistanceBlocks.of(1024, 468_874);
    assertEquals(1024, mlp1024.columns());
    assertEquals(8, mlp1024.perGroup());
    assertEquals(58, mlp1024.groups()); // ⌈458 chunks / 8⌉
    assertEquals(468_874, mlp1024.to(57));
    assertEquals(mlp1024.to(56), mlp1024.from(57));
  }

  @Test
  void blocksGiveTheWholeRowsDistancesBitForBit() {
    int n = 9;
    int d = 7_000;
    float[][] rows = Gradients.normal(5, n, d, 1);
    rows[4][6_500] = Float.NaN; // far, in the last group only
    // Chunks of 1,024 columns, 2 per group: 4 groups, the last of one short chunk.
    DistanceBlocks b = new DistanceBlocks(n, d, 1024, 2);
    assertEquals(4, b.groups());
    DistanceBlocks.Sum whole = b.sum();
    DistanceBlocks.Sum blocks = b.sum();
    List<Integer> order = new ArrayList<>(List.of(2, 0, 3, 1)); // arrival order
    for (int g : order) {
      DistanceBlocks.Partial p = b.partial(rows, 0, g);
      DistanceBlocks.Partial q = b.partial(block(rows, b, g), b.from(g), g);
      assertArrayEquals(p.sum(), q.sum());
      assertArrayEquals(p.far(), q.far());
      whole.add(g, p);
      blocks.add(g, q);
    }
    double[][] a = whole.squared();
    double[][] c = blocks.squared();
    for (int i = 0; i < n; i++) {
      assertArrayEquals(a[i], c[i], "row " + i);
      for (int j = 0; j < n; j++) {
        double exact = BruteForce.squaredDistance(rows[i], rows[j]);
        if (i == 4 || j == 4) {
          assertEquals(i == j ? 0 : Double.POSITIVE_INFINITY, a[i][j]);
        } else {
          assertEquals(exact, a[i][j], 1e-4 * exact + 1e-9, i + "," + j);
        }
      }
    }
    assertThrows(IllegalArgumentException.class, () -> blocks.add(1, b.partial(rows, 0, 1)));
  }

  @Test
  void oneGroupIsPairwiseDistancesAndSelectionsCombineBlockByBlock() {
    float[][] rows = Gradients.normal(8, 11, 3_000, 1);
    for (int j = 0; j < 3_000; j++) {
      rows[2][j] += 40; // a far-off row Krum leaves out
    }
    DistanceBlocks one = DistanceBlocks.of(11, 3_000);
    assertEquals(1, one.groups());
    DistanceBlocks.Sum s = one.sum();
    s.add(0, one.partial(rows, 0, 0));
    double[][] squared = PairwiseDistances.of(rows).squared();
    for (int i = 0; i < 11; i++) {
      assertArrayEquals(squared[i], s.squared()[i]);
    }
    boolean[] far = new boolean[11];
    for (RowSelection rule :
        List.of(
            new Krum(2), new MultiKrum(2, 0), new Bulyan(2), new GeometricMedian(2, 1e-6, 100))) {
      Aggregation whole = ((Aggregator) rule).aggregate(rows);
      assertSame(whole, inBlocks(rule.plan(squared, far), rows), rule.toString());
      assertEquals(rule instanceof GeometricMedian, whole.used()[2], rule.toString());
    }
  }

  @Test
  void defensesPlanOnDistancesWithTheFallbackForMissingReports() {
    float[][] rows = Gradients.normal(9, 11, 2_500, 1);
    for (int j = 0; j < 2_500; j++) {
      rows[7][j] -= 30;
    }
    double[][] squared = PairwiseDistances.of(rows).squared();
    for (String[] spec :
        new String[][] {
          {"trimmed-mean", "nnm"},
          {"median", "nnm"},
          {"mean", "nnm"},
          {"krum", ""},
          {"bulyan", ""},
          {"geomed", ""}
        }) {
      // 15 workers, 4 of them missing: Bulyan (n >= 11 for f = 2) still fits; f = 3 falls back.
      for (int f : new int[] {2, 3}) {
        Defense d = Defense.parse(spec[0], spec[1], f, 5);
        d.checkFeasible(15, f);
        assertTrue(d.plansOnDistances(), spec[0]);
        Aggregation whole = d.apply(rows, null);
        BlockCombination plan = d.plan(11, squared, PairwiseDistances.of(rows).far());
        assertSame(whole, inBlocks(plan, rows), spec[0] + " " + spec[1] + " f=" + f);
      }
    }
    assertEquals(false, Defense.parse("median", "", 2, 5).plansOnDistances());
    assertEquals(false, Defense.parse("krum", "nnm", 2, 5).plansOnDistances());
    assertEquals(false, Defense.parse("median", "nnm,bucketing:2", 2, 5).plansOnDistances());
    Defense krum = Defense.parse("krum", "", 1, 5);
    krum.checkFeasible(5, 3);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> krum.plan(2, new double[2][2], null));
    assertEquals("Krum needs n > 2f + 2; got n=2, f=0", e.getMessage());
  }

  @Test
  void centeredClippingsCentreIsAnAnchorCarriedFromStepToStep() {
    for (String spec : new String[] {"cclip", "cclip:tau=0.5,zero=1"}) {
      Defense driver = Defense.parse(spec, "", 2, 5);
      Defense executors = Defense.parse(spec, "", 2, 5);
      driver.checkFeasible(9, 2);
      executors.checkFeasible(9, 2);
      assertTrue(executors.plansOnDistances());
      for (int step = 0; step < 3; step++) {
        float[][] rows = Gradients.normal(20 + step, 9, 1_200, 1);
        Aggregation whole = driver.apply(rows, null);
        RowSelection.Anchor anchor = executors.anchor(9, 1_200);
        float[] centre = anchor.median() ? RowSelection.Anchor.median(rows) : anchor.vector();
        float[][] points = Arrays.copyOf(rows, 10);
        points[9] = centre;
        PairwiseDistances.Result r = PairwiseDistances.of(points);
        Aggregation blocks = inBlocks(executors.plan(9, r.squared(), r.far()), points);
        executors.completed(9, blocks.gradient());
        assertArrayEquals(whole.gradient(), blocks.gradient(), spec + " step " + step);
        assertEquals(whole.kept(), blocks.kept());
        assertArrayEquals(whole.used(), Arrays.copyOf(blocks.used(), 9));
      }
      assertArrayEquals(driver.state().rule().vector(), executors.state().rule().vector());
    }
  }

  /** {@code c} applied to three blocks of the rows' coordinates, put together. */
  private static Aggregation inBlocks(BlockCombination c, float[][] rows) {
    int n = rows.length;
    int d = rows[0].length;
    float[] put = new float[d];
    boolean[] used = null;
    int kept = -1;
    for (int[] cut : new int[][] {{0, d / 3}, {d / 3, d - 1}, {d - 1, d}}) {
      float[][] part = new float[n][];
      for (int i = 0; i < n; i++) {
        part[i] = Arrays.copyOfRange(rows[i], cut[0], cut[1]);
      }
      Aggregation a = c.apply(part);
      System.arraycopy(a.gradient(), 0, put, cut[0], a.gradient().length);
      used = used == null ? new boolean[a.used().length] : used;
      for (int i = 0; i < used.length; i++) {
        used[i] |= a.used()[i];
      }
      assertTrue(kept < 0 || kept == a.kept());
      kept = a.kept();
    }
    return new Aggregation(put, c.kept(kept, used), used);
  }

  private static void assertSame(Aggregation expected, Aggregation actual, String what) {
    assertArrayEquals(expected.gradient(), actual.gradient(), what);
    assertArrayEquals(expected.used(), actual.used(), what);
    assertEquals(expected.kept(), actual.kept(), what);
  }
}
