package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The MLlib regressors on the shared local[2] session, against the closed form and each other. */
class MllibRegressorsTest {

  private static final SparkSession SPARK = SparkTestSession.get();

  private static RegressionModel fit(String spec, float[] x, float[] y) {
    return RegressorRegistry.create(spec, SPARK).fit(new ReplicaPairs(List.of(x), List.of(y)));
  }

  /**
   * Known answer: on gaussian:1 noise over N(0, 1) gradients MLlib's normal-equation solver and the
   * closed form compute the same least-squares line (both in double), so their slopes agree to 1e-9
   * relative, not just to the sampling error of the shrinkage; and on scale:10 MLlib inverts the
   * fault as the closed form does.
   */
  @Test
  void mllibLinearAgreesWithTheClosedForm() {
    float[] g = Vectors.normal(20_000, 0, 1, 21);
    float[] x = Vectors.corrupt("gaussian:1", g, 5);
    AffineModel closed = (AffineModel) fit("linear", x, g);
    AffineModel mllib = assertInstanceOf(AffineModel.class, fit("mllib-linear", x, g));
    assertEquals(closed.slope(), mllib.slope(), 1e-9 * closed.slope());
    assertEquals(closed.intercept(), mllib.intercept(), 1e-9);
    assertEquals(0.5, mllib.slope(), 5 * 0.5 / Math.sqrt(20_000));

    float[] x10 = Vectors.corrupt("scale:10", g, 1);
    assertTrue(Vectors.relativeError(fit("mllib-linear", x10, g).predict(x10), g) < 1e-4);
  }

  /**
   * power:3 reports g³; its inverse, the cube root, is nonlinear. A line explains at most corr(g,
   * g³)² = 9/15 of var(g) (MSE 0.4 for g ~ N(0, 1)); the trees approximate the cube root by steps.
   */
  @Test
  void gbtFitsANonlinearMapBetterThanALine() {
    float[] g = Vectors.normal(20_000, 0, 1, 22);
    float[] x = Vectors.corrupt("power:3", g, 1);
    double linear = Vectors.mse(fit("linear", x, g).predict(x), g);
    double gbt = Vectors.mse(fit("mllib-gbt", x, g).predict(x), g);
    assertEquals(0.4, linear, 0.03);
    assertTrue(gbt < 0.05 * linear, "gbt MSE " + gbt + " vs linear " + linear);
  }

  /** The same seed gives the same sample and trees; the sample is what the fit sees. */
  @Test
  void gbtIsDeterministicPerSeed() {
    float[] g = Vectors.normal(10_000, 0, 1, 23);
    float[] x = Vectors.corrupt("power:3", g, 1);
    ReplicaPairs pairs = new ReplicaPairs(List.of(x), List.of(g));
    float[] a =
        RegressorRegistry.create("mllib-gbt:2,2,sample=2000", SPARK, 7).fit(pairs).predict(x);
    float[] b =
        RegressorRegistry.create("mllib-gbt:2,2,sample=2000", SPARK, 7).fit(pairs).predict(x);
    assertArrayEquals(a, b);
  }

  /**
   * The flattened step function reproduces Spark's own prediction of the ensemble at every point:
   * on the thresholds (ties go left), next to them, outside the range and at NaN and ±∞.
   */
  @Test
  void flatteningMatchesSparkPredict() {
    float[] g = Vectors.normal(5_000, 0, 1, 24);
    float[] x = Vectors.corrupt("power:3", g, 1);
    double[] xs = new double[x.length];
    double[] ys = new double[x.length];
    for (int j = 0; j < x.length; j++) {
      xs[j] = x[j];
      ys[j] = g[j];
    }
    GBTRegressionModel model;
    try (CoordinateFrame frame = new CoordinateFrame(SPARK, xs, ys)) {
      model = new GBTRegressor().setMaxIter(4).setMaxDepth(3).setSeed(1).fit(frame.frame());
    }
    MinMax identity = MinMax.of(0, 1);
    StepFunction step = MllibGradientBoostedTrees.flatten(model, identity, identity);
    assertTrue(step.pieces() > 8, "pieces: " + step.pieces());

    List<Float> points = new ArrayList<>();
    for (float v : x) {
      points.add(v);
      points.add(Math.nextUp(v));
      points.add(Math.nextDown(v));
    }
    for (org.apache.spark.ml.regression.DecisionTreeRegressionModel tree : model.trees()) {
      if (tree.rootNode() instanceof org.apache.spark.ml.tree.InternalNode node) {
        float t = (float) ((org.apache.spark.ml.tree.ContinuousSplit) node.split()).threshold();
        points.add(t);
        points.add(Math.nextUp(t));
        points.add(Math.nextDown(t));
      }
    }
    points.addAll(
        List.of(Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 1e30f, -1e30f, 0f));
    float[] input = new float[points.size()];
    for (int i = 0; i < input.length; i++) {
      input[i] = points.get(i);
    }
    float[] predicted = step.predict(input);
    for (int i = 0; i < input.length; i++) {
      float expected = (float) model.predict(org.apache.spark.ml.linalg.Vectors.dense(input[i]));
      assertEquals(expected, predicted[i], "at " + input[i]);
    }
  }

  /**
   * The contract of every registered regressor, run through the {@link Corrector}: inputs are not
   * modified, non-finite pairs are left out, the correction has the gradient's length and is
   * finite, and on an invertible fault (scale:10) it is close to the honest gradient (the closed
   * form and MLlib's line at exactly 1 − weight; the trees' steps and the perceptron's ReLU pieces
   * add a few per cent).
   */
  @ParameterizedTest
  @MethodSource("org.ftsim.correction.RegressorRegistry#names")
  void everyRegressorKeepsTheContract(String name) {
    float[] g = Vectors.normal(5_000, 0, 1, 26);
    float[] x = Vectors.corrupt("scale:10", g, 1);
    x[7] = Float.NaN;
    x[8] = Float.POSITIVE_INFINITY;
    float[] xCopy = x.clone();
    float[] gCopy = g.clone();
    Corrector corrector = new Corrector(RegressorRegistry.create(name, SPARK, 3), 0.95);
    Fit fit = corrector.fit(2, List.of(x), List.of(g));
    assertArrayEquals(xCopy, x);
    assertArrayEquals(gCopy, g);
    assertEquals(4_998, fit.pairs());
    assertTrue(fit.fitMs() > 0);

    float[] corrected = corrector.correct(2, Vectors.corrupt("scale:10", g, 1));
    assertEquals(g.length, corrected.length);
    for (float v : corrected) {
      assertTrue(Float.isFinite(v));
    }
    double error = Corrector.trueError(corrected, g);
    assertTrue(error >= 0.05 - 1e-4 && error < 0.15, name + ": true error " + error);
    if (name.endsWith("linear")) {
      assertEquals(0.05, error, 1e-4);
    }
  }

  /** Constant input short-cuts to the mean without a Spark job, as the closed form. */
  @Test
  void constantInputGivesTheMeanForEveryRegressor() {
    float[] x = new float[100];
    float[] y = Vectors.normal(100, 2, 1, 25);
    float expected = fit("linear", x, y).predict(new float[] {Float.NaN})[0];
    for (String name : RegressorRegistry.names()) {
      float[] predicted = fit(name, x, y).predict(new float[] {0, Float.NaN, 5});
      assertArrayEquals(new float[] {expected, expected, expected}, predicted, name);
    }
  }
}
