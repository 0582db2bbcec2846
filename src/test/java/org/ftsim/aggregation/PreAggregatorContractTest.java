package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.ftsim.base.Spec;
import org.ftsim.linalg.Vectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of every registered pre-aggregator: shape and sources, identical inputs, untouched
 * inputs, equivariance under permutation (all but the randomised bucketing), at most f non-finite
 * outputs from f non-finite inputs, and preconditions with both numbers.
 */
class PreAggregatorContractTest {

  static Stream<String> names() {
    return PreAggregatorRegistry.names().stream();
  }

  static Stream<Arguments> namesAndSeeds() {
    return names().flatMap(n -> Stream.of(1L, 2L, 3L).map(s -> Arguments.of(n, s)));
  }

  private static PreAggregator create(String name, int f) {
    return PreAggregatorRegistry.create(Spec.parse(name), f, 42);
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("namesAndSeeds")
  void outputsHaveTheAnnouncedShapeAndCoverEveryInput(String name, long seed) {
    float[][] rows = Gradients.normal(seed, 11, 23, 1);
    PreAggregator pre = create(name, 2);
    PreAggregation out = pre.preAggregate(rows);
    assertEquals(pre.outputCount(11), out.rows().length);
    assertEquals(out.rows().length, out.sources().length);
    boolean[] covered = new boolean[11];
    for (int r = 0; r < out.rows().length; r++) {
      assertEquals(23, out.rows()[r].length);
      int[] s = out.sources()[r];
      assertTrue(s.length >= 1 && s.length <= out.fanIn());
      for (int k = 0; k < s.length; k++) {
        assertTrue(k == 0 || s[k - 1] < s[k], "increasing sources");
        covered[s[k]] = true;
      }
    }
    for (boolean c : covered) {
      assertTrue(c);
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("namesAndSeeds")
  void identicalInputsAreLeftAsTheyAre(String name, long seed) {
    float[] x = Gradients.normal(seed, 1, 29, 0.1)[0]; // norm below the default clip radius 2
    float[][] out = create(name, 2).apply(Gradients.copies(x, 11));
    for (float[] row : out) {
      for (int j = 0; j < x.length; j++) {
        assertEquals(x[j], row[j], 1e-6 * Math.max(1, Math.abs(x[j])));
      }
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("namesAndSeeds")
  void inputsAreNotModified(String name, long seed) {
    float[][] rows = Gradients.normal(seed, 11, 31, 5);
    rows[2][3] = Float.NaN;
    float[][] before = new float[11][];
    for (int i = 0; i < 11; i++) {
      before[i] = rows[i].clone();
    }
    create(name, 2).apply(rows);
    for (int i = 0; i < 11; i++) {
      assertArrayEquals(before[i], rows[i]);
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("namesAndSeeds")
  void permutingTheInputsPermutesTheOutputs(String name, long seed) {
    if (name.equals("bucketing")) {
      return; // randomised by design; see DefenseTest for its reproducibility
    }
    float[][] rows = Gradients.normal(seed, 11, 37, 3);
    int[] perm = Gradients.permutation(seed + 9, 11);
    float[][] a = create(name, 2).apply(rows);
    float[][] b = create(name, 2).apply(Gradients.permute(rows, perm));
    for (int i = 0; i < 11; i++) {
      for (int j = 0; j < 37; j++) {
        assertEquals(a[perm[i]][j], b[i][j], 1e-5 * Math.max(1, Math.abs(a[perm[i]][j])));
      }
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("namesAndSeeds")
  void nonFiniteInputsSpoilAtMostAsManyOutputs(String name, long seed) {
    float[][] rows = Gradients.normal(seed, 11, 40, 1);
    rows[(int) seed] = new float[40];
    java.util.Arrays.fill(rows[(int) seed], Float.NaN);
    rows[10][5] = Float.POSITIVE_INFINITY;
    PreAggregation out = create(name, 2).preAggregate(rows);
    int spoiled = 0;
    for (int r = 0; r < out.rows().length; r++) {
      boolean finite = true;
      for (float v : out.rows()[r]) {
        finite &= Float.isFinite(v);
      }
      boolean honestSources = true;
      for (int s : out.sources()[r]) {
        honestSources &= s != seed && s != 10;
      }
      if (honestSources) {
        assertTrue(finite, "output " + r + " of honest rows only");
      }
      spoiled += finite ? 0 : 1;
    }
    assertTrue(spoiled <= 2, spoiled + " non-finite outputs");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void preconditionsNameBothNumbers(String name) {
    PreAggregator pre = create(name, 3);
    assertThrows(IllegalArgumentException.class, () -> pre.checkFeasible(0));
    for (int n = 1; n <= 7; n++) {
      try {
        pre.checkFeasible(n);
        assertEquals(pre.outputCount(n), pre.apply(Gradients.normal(n, n, 4, 1)).length);
      } catch (IllegalArgumentException e) {
        assertTrue(
            e.getMessage().contains("n=" + n) && e.getMessage().contains("f=3"), e.getMessage());
        int size = n;
        assertThrows(
            IllegalArgumentException.class, () -> pre.apply(Gradients.normal(size, size, 4, 1)));
      }
    }
    pre.checkFeasible(7);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("names")
  void unknownKeysAreRefusedWithTheValidOnes(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> create(name + ":zz=1", 1));
    assertTrue(e.getMessage().contains("valid"), e.getMessage());
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void clippingBoundsTheNorms(long seed) {
    float[][] rows = Gradients.normal(seed, 9, 50, 1);
    for (float[] row : new StaticClipping(3).apply(rows)) {
      assertTrue(Vectors.norm(row) <= 3 * (1 + 1e-6));
    }
    float[][] arc = new AdaptiveRobustClipping(2).apply(rows);
    // k = floor(2 * 2/9 * 7) = 3 rows are clipped to the 4th largest norm.
    double[] norms = new double[9];
    for (int i = 0; i < 9; i++) {
      norms[i] = Vectors.norm(rows[i]);
    }
    double[] sorted = norms.clone();
    java.util.Arrays.sort(sorted);
    int changed = 0;
    for (int i = 0; i < 9; i++) {
      assertTrue(Vectors.norm(arc[i]) <= sorted[5] * (1 + 1e-6));
      changed += arc[i] == rows[i] ? 0 : 1;
    }
    assertEquals(3, changed);
    assertFalse(sorted[5] == sorted[6]);
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L);
  }
}
