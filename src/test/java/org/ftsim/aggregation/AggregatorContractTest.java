package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered aggregation rule keeps (CONVENTIONS.md, "Tests"): permutation
 * invariance, identical inputs, f arbitrary outliers (NaN, ±∞, huge values) never moving the result
 * outside the honest range, and preconditions checked with both numbers. Every name in {@link
 * AggregatorRegistry#names()} is covered, so a new rule is tested as soon as it is registered.
 * MoNNA averages around a trusted row (row 0): it is not invariant to a permutation of the rows,
 * and its outliers are injected into the other rows. FLTrust is given the server's root gradient
 * ({@link Gradients#aggregate}); it rescales every report to the root's norm, so that its output is
 * checked finite and no longer than the root rather than inside the honest rows' range.
 */
class AggregatorContractTest {

  /** Kinds of Byzantine rows injected in place of honest ones. */
  enum Outlier {
    NAN,
    POSITIVE_INFINITY,
    NEGATIVE_INFINITY,
    ONE_NAN_COORDINATE,
    HUGE_CONSTANT,
    FLOAT_MAX_ALTERNATING,
    FAR_NOISE,
    NEAR_CONSTANT
  }

  static Stream<String> rules() {
    return AggregatorRegistry.names().stream();
  }

  /** Rules whose result depends on which worker reported what, by design. */
  static final List<String> ORDER_DEPENDENT = List.of("monna");

  static Stream<Arguments> rulesAndSeeds() {
    return rules().flatMap(r -> Stream.of(1L, 2L, 3L).map(s -> Arguments.of(r, s)));
  }

  static Stream<Arguments> symmetricRulesAndSeeds() {
    return rulesAndSeeds().filter(a -> !ORDER_DEPENDENT.contains((String) a.get()[0]));
  }

  static Stream<Arguments> rulesAndOutliers() {
    List<Arguments> args = new ArrayList<>();
    for (String rule : AggregatorRegistry.names()) {
      for (Outlier kind : Outlier.values()) {
        for (long seed = 1; seed <= 2; seed++) {
          args.add(Arguments.of(rule, kind, seed));
        }
      }
    }
    return args.stream();
  }

  private static Aggregator rule(String name, int f) {
    return AggregatorRegistry.create(name, f);
  }

  private static void assertClose(float[] expected, float[] actual, double relative) {
    assertEquals(expected.length, actual.length);
    for (int j = 0; j < expected.length; j++) {
      double tol = relative * Math.max(1, Math.abs(expected[j]));
      assertEquals(expected[j], actual[j], tol, "coordinate " + j);
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("symmetricRulesAndSeeds")
  void permutingTheInputsDoesNotChangeTheResult(String name, long seed) {
    int n = 11;
    int f = 2;
    float[][] rows = Gradients.normal(seed, n, 37, 1);
    int[] perm = Gradients.permutation(seed + 100, n);
    Aggregation a = Gradients.aggregate(rule(name, f), rows);
    Aggregation b = Gradients.aggregate(rule(name, f), Gradients.permute(rows, perm));
    assertClose(a.gradient(), b.gradient(), 1e-5);
    assertEquals(a.kept(), b.kept());
    for (int i = 0; i < n; i++) {
      assertEquals(a.used()[perm[i]], b.used()[i], "used flag of row " + perm[i]);
      assertEquals(a.discarded()[perm[i]], b.discarded()[i], 1e-6, "discarded, row " + perm[i]);
    }
    assertEquals(a.scores() == null, b.scores() == null);
    for (int i = 0; i < n && a.scores() != null; i++) {
      double x = a.scores()[perm[i]];
      assertEquals(x, b.scores()[i], 1e-5 * Math.max(1, Math.abs(x)), "score of row " + perm[i]);
    }
  }

  /**
   * Every rule says, per row, what share of it it discarded: in [0, 1], and 1 for every row it did
   * not use; with f outliers among honest rows, the outliers' share is at least the honest rows'
   * least.
   */
  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("rulesAndSeeds")
  void theDiscardedShareIsAShareAndWholeForUnusedRows(String name, long seed) {
    int n = 11;
    float[][] rows = Gradients.normal(seed, n, 37, 1);
    rows[3] = outlier(Outlier.HUGE_CONSTANT, 37, new SplittableRandom(seed));
    rows[7] = outlier(Outlier.NAN, 37, new SplittableRandom(seed));
    Aggregation a = Gradients.aggregate(rule(name, 2), rows);
    assertEquals(n, a.discarded().length);
    for (int i = 0; i < n; i++) {
      double share = a.discarded()[i];
      assertTrue(share >= 0 && share <= 1, name + " row " + i + ": " + share);
      assertTrue(a.used()[i] || share == 1, name + " row " + i + " unused, discarded " + share);
    }
    if (!name.equals("mean")
        && !name.equals("none")
        && !name.equals("drop")
        && !name.equals("detect")) {
      assertEquals(1.0, a.discarded()[7], name + ": the NaN row is discarded whole");
    }
  }

  @ParameterizedTest(name = "{0}, seed {1}")
  @MethodSource("rulesAndSeeds")
  void identicalInputsGiveThatInput(String name, long seed) {
    float[] x = Gradients.normal(seed, 1, 29, 3)[0];
    Aggregation a = Gradients.aggregate(rule(name, 2), Gradients.copies(x, 11));
    assertClose(x, a.gradient(), 1e-6);
    assertTrue(a.kept() >= 1 && a.kept() <= 11, "k=" + a.kept());
    assertTrue(Rows.count(a.used()) >= 1, "some row is used");
  }

  /**
   * No rule writes into the reports it is given, outliers included, over more than one coordinate
   * block: the driver computes the workers' norms and cosines from the same arrays on another
   * thread while the defense runs (issue 15), and the tables would depend on the timing if one did.
   */
  @ParameterizedTest(name = "{0}, {1}, seed {2}")
  @MethodSource("rulesAndOutliers")
  void theReportsAreLeftUntouched(String name, Outlier kind, long seed) {
    int n = 11;
    int d = 2 * CoordinateBlocks.BLOCK + 37;
    float[][] rows = Gradients.normal(seed, n, d, 1);
    SplittableRandom random = new SplittableRandom(seed);
    Aggregator rule = rule(name, 2);
    // Not row 0: MoNNA's trusted pivot.
    for (int b = 1; b <= rule.tolerated(); b++) {
      rows[b] = outlier(kind, d, random);
    }
    float[][] before = new float[n][];
    for (int i = 0; i < n; i++) {
      before[i] = rows[i].clone();
    }
    float[][] given = rows.clone();
    for (int call = 0; call < 2; call++) { // a second call: rules with state (centered clipping)
      Gradients.aggregate(rule, given);
    }
    for (int i = 0; i < n; i++) {
      assertSame(rows[i], given[i], name + ": row " + i + " replaced in the array given");
      assertArrayEquals(before[i], rows[i], name + ": row " + i + " written");
    }
  }

  @ParameterizedTest(name = "{0}, {1}, seed {2}")
  @MethodSource("rulesAndOutliers")
  void toleratedOutliersStayOutsideTheResult(String name, Outlier kind, long seed) {
    for (int[] nf : new int[][] {{11, 2}, {15, 3}}) {
      int n = nf[0];
      Aggregator rule = rule(name, nf[1]);
      int f = rule.tolerated();
      if (name.equals("mean-filter") && kind == Outlier.FLOAT_MAX_ALTERNATING) {
        // The mean filter sees only each row's mean, which this outlier keeps at 0: by design it
        // cannot remove it (MeanFilterTest shows it); every other kind moves the mean.
        f = 0;
      }
      int d = 100;
      float[][] rows = Gradients.normal(seed, n, d, 1);
      int[] bad = Gradients.permutation(seed + 7, n);
      if (name.equals("monna")) {
        // The pivot, row 0, is trusted: move it to the end of the order, out of the bad ones.
        int at = java.util.Arrays.stream(bad).boxed().toList().indexOf(0);
        bad[at] = bad[n - 1];
        bad[n - 1] = 0;
      }
      boolean[] isBad = new boolean[n];
      SplittableRandom random = new SplittableRandom(seed);
      for (int b = 0; b < f; b++) {
        rows[bad[b]] = outlier(kind, d, random);
        isBad[bad[b]] = true;
      }
      float[] out;
      if (rule.needsRoot()) {
        // FLTrust: the server's root gradient is honest (the mean of the honest rows); the output,
        // a convex combination of vectors of its norm, is finite and no longer than it.
        float[][] honest = new float[n - f][];
        for (int i = 0, h = 0; i < n; i++) {
          if (!isBad[i]) {
            honest[h++] = rows[i];
          }
        }
        float[] root = Gradients.root(honest);
        out = rule.aggregate(rows, root).gradient();
        double norm = org.ftsim.linalg.Vectors.norm(out);
        double rootNorm = org.ftsim.linalg.Vectors.norm(root);
        assertTrue(norm <= rootNorm * (1 + 1e-5), name + ": |out| " + norm + " > " + rootNorm);
        for (float x : out) {
          assertTrue(Float.isFinite(x), name + " n=" + n + " f=" + f + ": " + x);
        }
        continue;
      }
      out = rule.aggregate(rows).gradient();
      for (int j = 0; j < d; j++) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
          if (!isBad[i]) {
            lo = Math.min(lo, rows[i][j]);
            hi = Math.max(hi, rows[i][j]);
          }
        }
        String where = name + " n=" + n + " f=" + f + " coordinate " + j + ": " + out[j];
        assertTrue(Float.isFinite(out[j]), where);
        assertTrue(out[j] >= lo - 1e-5 && out[j] <= hi + 1e-5, where + " not in " + lo + ".." + hi);
      }
    }
  }

  private static float[] outlier(Outlier kind, int d, SplittableRandom random) {
    float[] x = new float[d];
    for (int j = 0; j < d; j++) {
      x[j] =
          switch (kind) {
            case NAN -> Float.NaN;
            case POSITIVE_INFINITY -> Float.POSITIVE_INFINITY;
            case NEGATIVE_INFINITY -> Float.NEGATIVE_INFINITY;
            case ONE_NAN_COORDINATE -> j == 3 ? Float.NaN : (float) random.nextGaussian();
            case HUGE_CONSTANT -> 1e30f;
            case FLOAT_MAX_ALTERNATING -> j % 2 == 0 ? Float.MAX_VALUE : -Float.MAX_VALUE;
            case FAR_NOISE -> (float) (random.nextGaussian() * 1e6);
            case NEAR_CONSTANT -> 40f;
          };
    }
    return x;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void preconditionsAreCheckedWithBothNumbers(String name) {
    int f = 2;
    Aggregator rule = rule(name, f);
    assertThrows(IllegalArgumentException.class, () -> rule.checkFeasible(0));
    for (int n = 1; n <= 12; n++) {
      int size = n;
      boolean feasible;
      try {
        rule.checkFeasible(n);
        feasible = true;
      } catch (IllegalArgumentException e) {
        feasible = false;
        assertTrue(e.getMessage().contains("n=" + n), e.getMessage());
        assertTrue(e.getMessage().matches(".*\\b[a-z]=2\\b.*"), e.getMessage());
      }
      float[][] rows = Gradients.normal(n, n, 5, 1);
      if (feasible) {
        assertEquals(5, Gradients.aggregate(rule(name, f), rows).gradient().length);
      } else {
        IllegalArgumentException e =
            assertThrows(
                IllegalArgumentException.class, () -> Gradients.aggregate(rule(name, f), rows));
        assertTrue(e.getMessage().contains("n=" + size), e.getMessage());
      }
    }
    // Every rule accepts the n that Bulyan, the most demanding, needs.
    rule.checkFeasible(4 * f + 3);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void raggedOrEmptyInputIsRefused(String name) {
    Aggregator rule = rule(name, 0);
    assertThrows(IllegalArgumentException.class, () -> Gradients.aggregate(rule, new float[0][]));
    assertThrows(
        IllegalArgumentException.class,
        () -> Gradients.aggregate(rule, new float[][] {{1, 2}, {3}, {4, 5}, {6, 7}}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void inputsAreNotModified(String name) {
    float[][] rows = Gradients.normal(5, 11, 40, 1);
    rows[4][7] = Float.NaN;
    float[][] before = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      before[i] = rows[i].clone();
    }
    Gradients.aggregate(rule(name, 2), rows);
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(before[i], rows[i]);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void unknownParameterKeysAreRefusedWithTheValidOnes(String name) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AggregatorRegistry.create(name + ":zz=1", 1));
    assertTrue(e.getMessage().contains("valid"), e.getMessage());
  }
}
