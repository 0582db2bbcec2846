package org.ftsim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.ftsim.aggregation.Defense;
import org.ftsim.correction.ModelState;
import org.ftsim.correction.RegressionModel;
import org.ftsim.optim.Optimizer;
import org.ftsim.optim.OptimizerState;
import org.ftsim.optim.Optimizers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every piece of state a run carries from step to step, taken after k steps and put into a fresh
 * instance, continues exactly as the original: the same bits after m more steps. Without the
 * restore the fresh instance diverges (the state matters).
 */
class StateRestoreTest {

  static float[] normal(SplittableRandom random, int d, double scale) {
    float[] v = new float[d];
    for (int j = 0; j < d; j++) {
      v[j] = (float) (random.nextGaussian() * scale);
    }
    return v;
  }

  @ParameterizedTest
  @CsvSource({"sgd, 0.9", "sgd, 0", "adam, 0"})
  void optimizerContinuesBitForBit(String name, double momentum) {
    int d = 257;
    SplittableRandom random = new SplittableRandom(5);
    float[] p = normal(random, d, 1);
    Optimizer original = Optimizers.create(name, momentum);
    for (int t = 0; t < 3; t++) {
      original.step(p, normal(random, d, 0.1), 0.01 * (t + 1));
    }
    OptimizerState state = original.state();
    float[] q = p.clone();
    Optimizer restored = Optimizers.create(name, momentum);
    restored.restore(state);
    Optimizer fresh = Optimizers.create(name, momentum);
    float[] r = p.clone();
    for (int t = 0; t < 4; t++) {
      float[] g = normal(random, d, 0.1);
      original.step(p, g, 0.02);
      restored.step(q, g, 0.02);
      fresh.step(r, g, 0.02);
    }
    assertArrayEquals(p, q);
    if (momentum > 0 || name.equals("adam")) {
      assertFalse(java.util.Arrays.equals(p, r), name + " carries state that matters");
    }
    // The state is a copy: stepping the original does not change it.
    assertEquals(name.equals("adam") ? 3 : 0, state.steps());
  }

  @ParameterizedTest
  @ValueSource(strings = {"cclip", "median", "krum", "dnc:dim=8", "clipped-clustering"})
  void defenseWithBucketingContinuesBitForBit(String rule) {
    int n = 9; // bucketing:2 leaves 5 rows, as Krum needs for f = 1
    int d = 64;
    SplittableRandom random = new SplittableRandom(9);
    Defense original = Defense.parse(rule, "bucketing:2", 1, 3);
    for (int t = 0; t < 5; t++) {
      original.apply(rows(random, n, d), null);
    }
    Defense.State state = original.state();
    assertEquals(5, state.pre().get(0).calls(), "bucketing counts its calls");
    if (rule.equals("cclip")) {
      assertNotNull(state.rule().vector(), "cclip carries its centre");
    }
    if (rule.startsWith("dnc")) {
      assertEquals(5, state.rule().calls(), "dnc counts its calls (its columns' stream)");
    }
    if (rule.equals("clipped-clustering")) {
      assertEquals(25, state.rule().vector().length, "clipped clustering carries its norms");
    }
    Defense restored = Defense.parse(rule, "bucketing:2", 1, 3);
    restored.restore(state);
    Defense fresh = Defense.parse(rule, "bucketing:2", 1, 3);
    boolean differs = false;
    for (int t = 0; t < 3; t++) {
      float[][] rows = rows(random, n, d);
      float[] a = original.apply(rows, null).gradient();
      assertArrayEquals(a, restored.apply(rows, null).gradient(), "step " + t);
      differs |= !java.util.Arrays.equals(a, fresh.apply(rows, null).gradient());
    }
    assertEquals(true, differs, "the carried state changes the aggregates");
    assertThrows(
        IllegalArgumentException.class,
        () -> Defense.parse(rule, "", 1, 3).restore(state),
        "a state of another chain is refused");
  }

  static float[][] rows(SplittableRandom random, int n, int d) {
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = normal(random, d, 1);
    }
    return rows;
  }

  @ParameterizedTest
  @ValueSource(strings = {"affine", "steps"})
  void modelStatePredictsAsTheModel(String kind) {
    ModelState state =
        kind.equals("affine")
            ? new ModelState(kind, 1e-3, 0.1, new float[0], new float[0])
            : new ModelState(
                kind,
                0,
                0,
                new float[] {-0.5f, -1e-6f, 0f, 2e-3f, 1f},
                new float[] {-3, -2, -1, 0, 1, 2});
    RegressionModel model = state.model();
    ModelState again = ModelState.of(model);
    assertEquals(state.kind(), again.kind());
    assertEquals(state.intercept(), again.intercept());
    assertEquals(state.slope(), again.slope());
    assertArrayEquals(state.bounds(), again.bounds());
    assertArrayEquals(state.values(), again.values());
    float[] x = normal(new SplittableRandom(2), 1000, 1);
    x[0] = Float.NaN;
    x[1] = 2e-3f;
    assertArrayEquals(model.predict(x, 0.95), again.model().predict(x, 0.95));
    if (kind.equals("steps")) {
      float[] y = model.predict(new float[] {-1, -0.5f, 0, 2e-3f, 3, Float.NaN});
      assertArrayEquals(new float[] {-3, -3, -1, 0, 2, 2}, y, "values[#{k : X_k < x}]");
    }
  }
}
