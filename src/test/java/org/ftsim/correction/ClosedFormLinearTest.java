package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Known answers of the closed-form line: inverse maps, shrinkage, invariance, degenerate input. */
class ClosedFormLinearTest {

  private static final int D = 200_000;

  private static AffineModel fit(float[] x, float[] y) {
    return (AffineModel) new ClosedFormLinear().fit(new ReplicaPairs(List.of(x), List.of(y)));
  }

  /**
   * scale:F reports F·g exactly up to float rounding, so the line is y = x / F and the prediction
   * is g to ~1e-7; at weight 0.95 the true error is 1 − 0.95.
   */
  @ParameterizedTest
  @ValueSource(strings = {"scale:10", "scale:-3", "scale:0.5", "scale:1000", "signflip"})
  void scaleIsInverted(String fault) {
    float[] g = Vectors.normal(D, 0, 1e-2, 7);
    float[] x = Vectors.corrupt(fault, g, 1);
    AffineModel model = fit(x, g);
    assertTrue(Vectors.relativeError(model.predict(x), g) < 1e-4);
    assertEquals(g[5] / x[5], model.slope(), 1e-6 * Math.abs(model.slope()));

    Corrector corrector = new Corrector(new ClosedFormLinear(), 0.95);
    corrector.fit(0, List.of(x), List.of(g));
    assertEquals(0.05, Corrector.trueError(corrector.correct(0, x), g), 1e-4);
  }

  /**
   * add:C reports g + C rounded to float, whose spacing near C (ulp(C)) bounds what is left of g: g
   * is recoverable to 1e-4 while ulp(C)/√12 ≪ 1e-4·rms(g), as here (rms(g) = 0.01 with |C| ≤ 1;
   * rms(g) = 1 with C = 100). Beyond that the float report itself has lost g, whatever the model.
   */
  @ParameterizedTest
  @CsvSource({"1, 0.01", "-0.5, 0.01", "0.001, 0.01", "100, 1"})
  void addIsInverted(double constant, double std) {
    float[] g = Vectors.normal(D, 0, std, 8);
    float[] x = Vectors.corrupt("add:" + constant, g, 1);
    AffineModel model = fit(x, g);
    assertTrue(Vectors.relativeError(model.predict(x), g) < 1e-4);
    assertEquals(1, model.slope(), 1e-5);
    assertEquals(-constant, model.intercept(), 1e-5 * Math.max(1, Math.abs(constant)));

    Corrector corrector = new Corrector(new ClosedFormLinear(), 0.95);
    corrector.fit(0, List.of(x), List.of(g));
    assertEquals(0.05, Corrector.trueError(corrector.correct(0, x), g), 1e-4);
  }

  /**
   * gaussian:σ reports x = g + ε. With g ~ N(0, s²) independent of ε ~ N(0, σ²), E[g | x] = s²/(s²
   * + σ²)·x: the fitted slope is the shrinkage var(g)/(var(g) + σ²), not the inverse 1. The
   * sampling standard error of an OLS slope is √(residual variance / (d·var(x))) = sσ / ((s² +
   * σ²)·√d), about 0.0011 for s = σ = 1 and d = 200,000; the tolerance is 5 of them. The slope also
   * equals the unscaled cov(x, y)/var(x) of the oracle to 1e-9.
   */
  @ParameterizedTest
  @CsvSource({"1, 0.5", "1, 1", "1, 2", "0.01, 0.01", "0.01, 0.03"})
  void gaussianNoiseShrinks(double s, double sigma) {
    float[] g = Vectors.normal(D, 0, s, 9);
    float[] x = Vectors.corrupt("gaussian:" + sigma, g, 3);
    AffineModel model = fit(x, g);
    double shrinkage = s * s / (s * s + sigma * sigma);
    double standardError = s * sigma / ((s * s + sigma * sigma) * Math.sqrt(D));
    assertEquals(shrinkage, model.slope(), 5 * standardError);
    assertEquals(Vectors.olsSlope(x, g), model.slope(), 1e-9 * shrinkage);
    // The true error of the shrunk prediction is √(σ²/(s² + σ²)), the unexplained share.
    assertEquals(
        Math.sqrt(sigma * sigma / (s * s + sigma * sigma)),
        Vectors.relativeError(model.predict(x), g),
        0.01);
  }

  /**
   * Least squares commutes with affine changes of x and y, min-max scaling included: fitting on a·x
   * + b predicts the same from a·x + b, and fitting c·y + e predicts c·ŷ + e.
   */
  @ParameterizedTest
  @CsvSource({"2, 5, 3, -1", "-0.001, 0, 1000, 0.5", "1e4, -7, -0.25, 2"})
  void invariantUnderAffineRescaling(double a, double b, double c, double e) {
    float[] g = Vectors.normal(50_000, 0.1, 1, 10);
    float[] x = Vectors.corrupt("gaussian:0.7", g, 4);
    float[] reference = fit(x, g).predict(x);

    float[] ax = new float[x.length];
    float[] cy = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      ax[j] = (float) (a * x[j] + b);
      cy[j] = (float) (c * g[j] + e);
    }
    assertTrue(Vectors.relativeError(fit(ax, g).predict(ax), reference) < 1e-5);
    float[] expected = new float[x.length];
    for (int j = 0; j < x.length; j++) {
      expected[j] = (float) (c * reference[j] + e);
    }
    assertTrue(Vectors.relativeError(fit(x, cy).predict(x), expected) < 1e-5);
  }

  /**
   * max = min on x: no line is defined; the choice (as scikit-learn's LinearRegression after
   * MinMaxScaler, whose scaled x is then all 0) is slope 0 and the mean of y, for every input.
   */
  @Test
  void constantInputPredictsTheMean() {
    float[] x = new float[1000];
    java.util.Arrays.fill(x, 3f);
    float[] y = Vectors.normal(1000, 0.25, 1, 11);
    double mean = 0;
    for (float v : y) {
      mean += v;
    }
    mean /= y.length;
    AffineModel model = fit(x, y);
    assertEquals(0, model.slope());
    assertEquals(mean, model.intercept(), 1e-12);
    float[] predicted = model.predict(new float[] {3f, -1e30f, Float.NaN, Float.POSITIVE_INFINITY});
    for (float p : predicted) {
      assertEquals((float) mean, p);
    }
  }

  /** max = min on y: the line is that constant. */
  @Test
  void constantTargetIsReproduced() {
    float[] x = Vectors.normal(1000, 0, 1, 12);
    float[] y = new float[1000];
    java.util.Arrays.fill(y, -2.5f);
    float[] predicted = fit(x, y).predict(x);
    for (float p : predicted) {
      assertEquals(-2.5f, p);
    }
  }

  /** Non-finite pairs are left out; all-NaN reports leave no pair and give the constant 0. */
  @Test
  void nonFinitePairsAreLeftOut() {
    float[] g = Vectors.normal(10_000, 0, 1, 13);
    float[] x = Vectors.corrupt("scale:4", g, 1);
    float[] dirty = x.clone();
    dirty[3] = Float.NaN;
    dirty[70] = Float.POSITIVE_INFINITY;
    dirty[900] = Float.NEGATIVE_INFINITY;
    ReplicaPairs pairs = new ReplicaPairs(List.of(dirty), List.of(g));
    assertEquals(g.length - 3, pairs.usable());
    AffineModel model = (AffineModel) new ClosedFormLinear().fit(pairs);
    assertEquals(0.25, model.slope(), 1e-7);

    float[] nan = Vectors.corrupt("nan", g, 1);
    AffineModel none = fit(nan, g);
    assertEquals(0, none.slope());
    assertEquals(0, none.intercept());
    assertArrayEquals(new float[g.length], none.predict(nan));
  }

  /** Several replica rows are fitted together: the line through all r·d pairs. */
  @Test
  void fitsAllReplicaRows() {
    float[] g1 = Vectors.normal(20_000, 0, 1, 14);
    float[] g2 = Vectors.normal(20_000, 0, 3, 15);
    float[] x1 = Vectors.corrupt("gaussian:1", g1, 1);
    float[] x2 = Vectors.corrupt("gaussian:1", g2, 2);
    AffineModel both =
        (AffineModel)
            new ClosedFormLinear().fit(new ReplicaPairs(List.of(x1, x2), List.of(g1, g2)));
    float[] x = concat(x1, x2);
    float[] y = concat(g1, g2);
    assertEquals(Vectors.olsSlope(x, y), both.slope(), 1e-9);
    assertEquals(fit(x, y).intercept(), both.intercept(), 1e-9);
  }

  private static float[] concat(float[] a, float[] b) {
    float[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
