package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The branch-free search against a brute-force count of the thresholds below each input. */
class StepFunctionTest {

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 2, 3, 7, 63, 64, 65, 300})
  void matchesTheBruteForceCount(int m) {
    SplittableRandom random = new SplittableRandom(m);
    TreeSet<Double> set = new TreeSet<>();
    while (set.size() < m) {
      set.add((double) (float) random.nextDouble(-2, 2));
    }
    double[] thresholds = set.stream().mapToDouble(Double::doubleValue).toArray();
    float[] values = new float[m + 1];
    for (int k = 0; k <= m; k++) {
      values[k] = k;
    }
    MinMax scale = MinMax.of(-1, 3);
    StepFunction step = new StepFunction(scale, thresholds, values);

    float[] x = new float[5000 + 3 * m + 4];
    int i = 0;
    while (i < 5000) {
      x[i++] = (float) random.nextDouble(-12, 12);
    }
    for (double t : thresholds) {
      // Inputs whose scaled value lands on and next to the thresholds.
      float onIt = (float) scale.unscale(t);
      x[i++] = onIt;
      x[i++] = Math.nextUp(onIt);
      x[i++] = Math.nextDown(onIt);
    }
    x[i++] = Float.NaN;
    x[i++] = Float.POSITIVE_INFINITY;
    x[i++] = Float.NEGATIVE_INFINITY;
    x[i] = 0;
    float[] predicted = step.predict(x);
    float[] doubled = step.predict(x, 2);
    for (int j = 0; j < x.length; j++) {
      double s = scale.scale(x[j]);
      int below = 0;
      for (double t : thresholds) {
        // Spark sends s left at t when s <= t; NaN goes right everywhere.
        if (!(s <= t)) {
          below++;
        }
      }
      assertEquals(below, predicted[j], "x = " + x[j]);
      assertEquals(2 * below, doubled[j], "x = " + x[j]);
    }
    assertEquals(m + 1, step.pieces());
  }

  /**
   * Thresholds packed into a few float buckets (as under add:C with a large C, where every x is
   * close to C): the search inside a bucket must still count exactly.
   */
  @ParameterizedTest
  @ValueSource(ints = {5, 40, 80})
  void clusteredThresholdsAreCountedExactly(int m) {
    SplittableRandom random = new SplittableRandom(m);
    TreeSet<Double> set = new TreeSet<>();
    while (set.size() < m) {
      set.add((double) (float) (1 + random.nextDouble(0, 1.2e-5)));
    }
    double[] thresholds = set.stream().mapToDouble(Double::doubleValue).toArray();
    float[] values = new float[m + 1];
    for (int k = 0; k <= m; k++) {
      values[k] = k;
    }
    StepFunction step = new StepFunction(MinMax.of(0, 1), thresholds, values);
    float[] x = new float[2000];
    for (int j = 0; j < x.length; j++) {
      x[j] = (float) (1 + random.nextDouble(-2e-6, 1.4e-5));
    }
    float[] predicted = step.predict(x);
    for (int j = 0; j < x.length; j++) {
      int below = 0;
      for (double t : thresholds) {
        below += t < x[j] ? 1 : 0;
      }
      assertEquals(below, predicted[j], "x = " + x[j]);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void needsOneValueMoreThanThresholds(int values) {
    assertThrows(
        IllegalArgumentException.class,
        () -> new StepFunction(MinMax.of(0, 1), new double[] {0.5}, new float[values]));
    new StepFunction(MinMax.of(0, 1), new double[] {0.5}, new float[2]);
  }
}
