package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The correction study's arithmetic on pairs with known answers, without Spark. */
class CorrectionStudyTest {

  private static float[] normal(int n, double std, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      // Box–Muller: the test needs no library's generator.
      double u = 1 - random.nextDouble();
      double v = random.nextDouble();
      out[i] = (float) (std * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v));
    }
    return out;
  }

  private static float[] times(float[] g, float factor) {
    float[] out = new float[g.length];
    for (int i = 0; i < g.length; i++) {
      out[i] = g[i] * factor;
    }
    return out;
  }

  private static Map<String, Regressor> models(String... names) {
    Map<String, Regressor> out = new LinkedHashMap<>();
    for (String name : names) {
      Regressor r = RegressorRegistry.create(name, null, 1);
      out.put(r.toString(), r);
    }
    return out;
  }

  /**
   * scale:10 is an exact linear map: the line fitted on any coverage of the first step predicts the
   * later steps to rounding (the prototype reports 1e-19 to 1e-17 on MNIST gradients of variance
   * about 3e-7): test MSE below 1e-12 of the true variance.
   */
  @Test
  void anExactLinearMapIsLearnedToRounding() {
    int d = 20_000;
    List<float[]> honest = List.of(normal(d, 1e-3, 1), normal(d, 1e-3, 2), normal(d, 1e-3, 3));
    List<float[]> faulty = honest.stream().map(g -> times(g, 10)).toList();
    List<CorrectionStudy.Result> results =
        CorrectionStudy.run(0, faulty, honest, List.of(0.1, 1.0), models("linear"), 1);
    assertEquals(2, results.size());
    for (CorrectionStudy.Result r : results) {
      assertEquals(2, r.testSteps());
      assertEquals(2L * d, r.testPairs());
      assertEquals(1e-6, r.trueVariance(), 2e-8);
      assertTrue(r.testMse() < 1e-12 * r.trueVariance(), "MSE " + r.testMse());
      assertTrue(r.relativeMape() < 1e-5, "relative MAPE " + r.relativeMape());
      assertTrue(r.fitSeconds() >= 0);
    }
    assertEquals(2_000, results.get(0).sampleSize());
    assertEquals(20_000, results.get(1).sampleSize());
  }

  /**
   * A corrupted report that is pure noise carries nothing about the true gradient: the best any
   * regressor can do is the mean, so the test MSE is the variance of the true coordinates, whatever
   * the coverage or the model (up to the few per cent a fit to noise on 1,000 pairs can add).
   */
  @Test
  void pureNoiseLeavesTheVarianceOfTheTrueCoordinates() {
    int d = 4_000;
    List<float[]> honest = List.of(normal(d, 1e-2, 11), normal(d, 1e-2, 12), normal(d, 1e-2, 13));
    List<float[]> faulty = List.of(normal(d, 1, 21), normal(d, 1, 22), normal(d, 1, 23));
    List<CorrectionStudy.Result> results =
        CorrectionStudy.run(3, faulty, honest, List.of(0.25, 1.0), models("linear", "mlp"), 7);
    assertEquals(4, results.size());
    for (CorrectionStudy.Result r : results) {
      assertEquals(3, r.worker());
      assertEquals(1e-4, r.trueVariance(), 5e-6);
      // The perceptron stops by scikit-learn's rule (the epoch loss, in min-max scaled units, fell
      // by less than 1e-4 for 11 epochs), a little short of the mean.
      double tolerance = r.model().equals("linear") ? 0.01 : 0.15;
      assertEquals(1, r.testMse() / r.trueVariance(), tolerance, r.model() + " at " + r.coverage());
    }
  }

  /**
   * The prototype's MAPE is scikit-learn's {@code mean_absolute_percentage_error(y + 1, ŷ + 1)};
   * scikit-learn (1.3, {@code sklearn/metrics/_regression.py}) computes it as mean(|y_true −
   * y_pred| / max(|y_true|, ε)) with ε = {@code np.finfo(np.float64).eps}. By hand for y = (0, 1,
   * −0.5, −1) and ŷ = (0.1, 0.5, −0.5, −0.9): |y − ŷ| = (0.1, 0.5, 0, 0.1) over |y + 1| = (1, 2,
   * 0.5, 0 → ε) gives (0.1 + 0.25 + 0 + 0.1/ε) / 4; the relative MAPE over y ≠ 0 is (0.5 + 0 + 0.1)
   * / 3 = 0.2; the MSE (0.01 + 0.25 + 0 + 0.01) / 4 = 0.0675.
   */
  @Test
  void theMapesAndTheMseByHand() {
    float[] y = {0, 1, -0.5f, -1};
    float[] predicted = {0.1f, 0.5f, -0.5f, -0.9f};
    CorrectionStudy.Errors e = CorrectionStudy.errors(y, predicted, new float[4]);
    double eps = Math.ulp(1.0);
    assertEquals(2.220446049250313e-16, eps);
    assertEquals((0.1 + 0.25 + 0.1 / eps) / 4, e.mape(), 1e-6 * e.mape());
    assertEquals(0.2, e.relativeMape(), 1e-7);
    assertEquals(0.0675, e.mse(), 1e-8);
    assertEquals(4, e.pairs());

    // Without the zero denominator: (0.1 + 0.25 + 0) / 3.
    CorrectionStudy.Errors three =
        CorrectionStudy.errors(
            Arrays.copyOf(y, 3), Arrays.copyOf(predicted, 3), new float[] {0, 0, 0});
    assertEquals(0.35 / 3, three.mape(), 1e-8);

    // A pair with a non-finite input is left out, as in fitting.
    CorrectionStudy.Errors skipped =
        CorrectionStudy.errors(y, predicted, new float[] {0, 0, 0, Float.NaN});
    assertEquals(3, skipped.pairs());
    assertEquals(0.35 / 3, skipped.mape(), 1e-8);
  }

  /** int(d · coverage) as the prototype: its correction_performance.csv sample sizes for MNIST. */
  @Test
  void sampleSizesAreThePrototypes() {
    int[] sizes =
        CorrectionStudy.DEFAULT_COVERAGES.stream()
            .mapToInt(c -> CorrectionStudy.sampleSize(468_874, c))
            .toArray();
    assertArrayEquals(new int[] {46_887, 140_662, 234_437, 328_211, 421_986, 468_874}, sizes);
  }

  /**
   * Samples are seeded per (seed, worker, d) and nested: the same seed gives the same coordinates,
   * a smaller coverage's sample is a prefix of a larger one's, and the coordinates are distinct.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 99})
  void coverageSamplesAreSeededAndNested(long seed) {
    int[] small = CorrectionStudy.sample(1_000, 100, seed, 0);
    int[] large = CorrectionStudy.sample(1_000, 700, seed, 0);
    assertArrayEquals(small, CorrectionStudy.sample(1_000, 100, seed, 0));
    assertArrayEquals(small, Arrays.copyOf(large, 100));
    assertEquals(700, IntStream.of(large).distinct().count());
    assertTrue(IntStream.of(large).allMatch(i -> i >= 0 && i < 1_000));
    assertFalse(Arrays.equals(small, CorrectionStudy.sample(1_000, 100, seed + 1, 0)));
    assertFalse(Arrays.equals(small, CorrectionStudy.sample(1_000, 100, seed, 1)));
    int[] all = CorrectionStudy.sample(1_000, 1_000, seed, 0);
    assertArrayEquals(IntStream.range(0, 1_000).toArray(), IntStream.of(all).sorted().toArray());
  }

  /** The same seed gives the same study, fit times aside. */
  @Test
  void theStudyIsRepeatable() {
    int d = 3_000;
    List<float[]> honest = List.of(normal(d, 1, 1), normal(d, 1, 2));
    List<float[]> faulty = List.of(normal(d, 1, 3), normal(d, 1, 4));
    List<CorrectionStudy.Result> a =
        CorrectionStudy.run(0, faulty, honest, List.of(0.3), models("linear", "mlp:epochs=5"), 5);
    List<CorrectionStudy.Result> b =
        CorrectionStudy.run(0, faulty, honest, List.of(0.3), models("linear", "mlp:epochs=5"), 5);
    for (int i = 0; i < a.size(); i++) {
      assertEquals(a.get(i).testMse(), b.get(i).testMse());
      assertEquals(a.get(i).mape(), b.get(i).mape());
    }
  }

  @Test
  void aSingleReplicaStepLeavesNothingToTestOn() {
    float[] g = normal(100, 1, 1);
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CorrectionStudy.run(0, List.of(g), List.of(g), List.of(1.0), models("linear"), 1));
    assertEquals(
        "worker 0 has 1 replica step; the study needs 2 or more (the first trains, the later ones"
            + " test)",
        e.getMessage());
  }

  @Test
  void coveragesParseAndBadOnesAreNamed() {
    assertEquals(
        CorrectionStudy.DEFAULT_COVERAGES, CorrectionStudy.coverages("0.1,0.3,0.5,0.7,0.9,1.0"));
    assertEquals(List.of(0.25), CorrectionStudy.coverages(" 0.25 "));
    for (String bad : List.of("0", "1.5", "-0.1", "x", "", "0.1,,0.3", "NaN", "0.5,0.5")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> CorrectionStudy.coverages(bad), bad);
      assertFalse(e.getMessage().contains("\n"));
    }
    assertEquals(
        "each coverage must be in (0, 1]; got 1.5",
        assertThrows(IllegalArgumentException.class, () -> CorrectionStudy.coverages("1.5"))
            .getMessage());
  }
}
