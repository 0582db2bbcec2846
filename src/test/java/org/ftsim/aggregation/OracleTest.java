package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast rules (Gram-matrix distances in float through ND4J, selection, coefficient-space
 * iterations) against {@link BruteForce}: nested loops in double, straight from the papers, on
 * seeded random inputs. Inputs carry a common offset, the case where a naive float Gram matrix
 * loses the distances to cancellation.
 */
class OracleTest {

  /** (seed, n, f, d, offset). */
  static Stream<Arguments> cases() {
    List<Arguments> args = new ArrayList<>();
    int[][] shapes = {{7, 1}, {11, 2}, {15, 3}, {20, 4}, {9, 0}};
    int[] dims = {1, 17, 3000};
    long seed = 1;
    for (int[] s : shapes) {
      for (int d : dims) {
        for (double offset : new double[] {0, 30}) {
          args.add(Arguments.of(seed++, s[0], s[1], d, offset));
        }
      }
    }
    return args.stream();
  }

  private static float[][] rows(long seed, int n, int d, double offset) {
    float[][] rows = Gradients.normal(seed, n, d, 1);
    float[] common = Gradients.normal(seed + 1000, 1, d, offset)[0];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        // Rows of different spreads, so that scores are well separated.
        row[j] = common[j] + row[j] * (1 + (float) (seed % 3));
      }
    }
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < d; j++) {
        rows[i][j] = common[j] + (rows[i][j] - common[j]) * (1 + 0.15f * i);
      }
    }
    return rows;
  }

  private static void assertClose(double[] expected, float[] actual, double relative) {
    for (int j = 0; j < expected.length; j++) {
      assertEquals(expected[j], actual[j], relative * Math.max(1, Math.abs(expected[j])), "j=" + j);
    }
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void krumMatchesBruteForce(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    int expected = BruteForce.krum(rows, f);
    Aggregation a = new Krum(f).aggregate(rows);
    assertArrayEquals(rows[expected], a.gradient());
    assertEquals(1, a.kept());
    assertArrayEquals(Rows.mask(n, expected), a.used());
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void multiKrumMatchesBruteForce(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    for (int m : new int[] {1, n - f}) {
      boolean[] expected = BruteForce.multiKrum(rows, f, m);
      Aggregation a = new MultiKrum(f, m).aggregate(rows);
      assertArrayEquals(expected, a.used(), "m=" + m);
      assertArrayEquals(Rows.mean(rows, expected), a.gradient());
    }
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void bulyanMatchesBruteForce(long seed, int n, int f, int d, double offset) {
    int fb = Math.max(0, Math.min(f, (n - 3) / 4));
    float[][] rows = rows(seed, n, d, offset);
    List<Integer> selected = new ArrayList<>();
    double[] expected = BruteForce.bulyan(rows, fb, selected);
    if (fb > 0) {
      int[] fast = Bulyan.select(PairwiseDistances.of(rows).squared(), fb);
      assertArrayEquals(selected.stream().mapToInt(Integer::intValue).sorted().toArray(), fast);
    }
    Aggregation a = new Bulyan(fb).aggregate(rows);
    assertClose(expected, a.gradient(), 1e-5);
    assertEquals(n - 4 * fb, a.kept());
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void nnmMatchesBruteForce(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    double[][] expected = BruteForce.nnm(rows, f);
    PreAggregation out = new NearestNeighborMixing(f).preAggregate(rows);
    for (int i = 0; i < n; i++) {
      assertClose(expected[i], out.rows()[i], 1e-5);
      assertEquals(n - f, out.sources()[i].length);
    }
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void geometricMedianMatchesWeiszfeldInCoordinates(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    double[] expected = BruteForce.weiszfeld(rows, 1e-6, 30);
    float[] fast = new GeometricMedian(f, 1e-6, 30).aggregate(rows).gradient();
    assertClose(expected, fast, 1e-4);
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void centeredClippingMatchesTheIterationInCoordinates(
      long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    // A radius that clips some rows and not others.
    double tau = Math.sqrt(d) * 1.5;
    float[] median = new CoordinateMedian(0).aggregate(rows).gradient();
    double[] centre = new double[d];
    for (int j = 0; j < d; j++) {
      centre[j] = median[j];
    }
    double[] expected = BruteForce.centeredClipping(rows, centre, tau, 3);
    CenteredClipping cclip = new CenteredClipping(f, tau, 3);
    assertClose(expected, cclip.aggregate(rows).gradient(), 1e-4);
    // The second step starts from the first result.
    float[][] next = rows(seed + 500, n, d, offset);
    double[] expected2 = BruteForce.centeredClipping(next, expected, tau, 3);
    assertClose(expected2, cclip.aggregate(next).gradient(), 1e-4);
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void mdaMatchesTheEnumerationOfAllSubsets(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    int[] expected = BruteForce.mdaSubset(rows, f);
    Aggregation a = new MinimumDiameterAveraging(f).aggregate(rows);
    assertArrayEquals(Rows.mask(n, expected), a.used());
    assertEquals(n - f, a.kept());
    assertArrayEquals(Rows.mean(rows, Rows.mask(n, expected)), a.gradient());
  }

  /** The cases up to n = 15: the SMEA oracle's power iterations are slow beyond. */
  static Stream<Arguments> smallCases() {
    return cases().filter(a -> (int) a.get()[1] <= 15);
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("smallCases")
  void smeaMatchesTheEnumerationOfAllSubsets(long seed, int n, int f, int d, double offset) {
    // The oracle's power iterations in coordinates cost C(n, f) · 300 · n · d: fewer columns.
    int columns = Math.min(d, 12);
    float[][] rows = rows(seed, n, columns, offset);
    int[] expected = BruteForce.smeaSubset(rows, f);
    Aggregation a = new SmallestMaxEigenvalueAveraging(f).aggregate(rows);
    assertArrayEquals(Rows.mask(n, expected), a.used());
    assertEquals(n - f, a.kept());
  }

  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void exactSearchesMatchTheEnumerationWithOutliersAndClusters(long seed) {
    // Harder than the spread rows: two honest clusters and f far rows, n = 12, f = 3.
    int n = 12;
    int f = 3;
    float[][] rows = Gradients.normal(seed, n, 8, 1);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < 8; j++) {
        rows[i][j] += i < 5 ? 2 : i < 9 ? -2 : 6 * (j % 2 == 0 ? 1 : -1);
      }
    }
    assertArrayEquals(
        Rows.mask(n, BruteForce.mdaSubset(rows, f)),
        new MinimumDiameterAveraging(f).aggregate(rows).used());
    assertArrayEquals(
        Rows.mask(n, BruteForce.smeaSubset(rows, f)),
        new SmallestMaxEigenvalueAveraging(f).aggregate(rows).used());
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("cases")
  void monnaIsTheNearestNeighbourMixOfItsPivot(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    double[][] mixed = BruteForce.nnm(rows, f);
    for (int pivot : new int[] {0, n - 1}) {
      Aggregation a = new Monna(f, pivot).aggregate(rows);
      assertClose(mixed[pivot], a.gradient(), 1e-5);
      assertEquals(n - f, a.kept());
    }
  }

  /** The cases in 1 and 17 dimensions: the CAF oracle iterates on d-vectors. */
  static Stream<Arguments> lowDimensionalCases() {
    return cases().filter(a -> (int) a.get()[3] <= 17 && (int) a.get()[2] > 0);
  }

  @ParameterizedTest(name = "seed {0}: n={1} f={2} d={3} offset {4}")
  @MethodSource("lowDimensionalCases")
  void cafMatchesTheFilterInCoordinates(long seed, int n, int f, int d, double offset) {
    float[][] rows = rows(seed, n, d, offset);
    assertClose(
        BruteForce.caf(rows, f), new CovarianceBoundFilter(f).aggregate(rows).gradient(), 1e-4);
  }
}
