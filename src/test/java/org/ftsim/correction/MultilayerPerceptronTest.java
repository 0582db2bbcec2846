package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The {@code mlp} regressor: it learns a nonlinear map, and its model saves exactly. */
class MultilayerPerceptronTest {

  private static final float[] X = new float[2_000];
  private static final float[] Y = new float[2_000];

  static {
    SplittableRandom random = new SplittableRandom(4);
    for (int i = 0; i < X.length; i++) {
      X[i] = (float) (random.nextDouble() * 2 - 1);
      Y[i] = Math.abs(X[i]); // no line fits |x|; two ReLU layers can
    }
  }

  /** |x| on [−1, 1]: the best line leaves variance 1/3 − 1/4 = 0.083; the perceptron far less. */
  @Test
  void learnsWhatNoLineCan() {
    ReplicaPairs pairs = new ReplicaPairs(List.of(X), List.of(Y));
    RegressionModel model = new MultilayerPerceptron(10, 200, 200, 3).fit(pairs);
    assertInstanceOf(PerceptronModel.class, model);
    float[] predicted = model.predict(X);
    double mse = 0;
    for (int i = 0; i < X.length; i++) {
      mse += (Y[i] - predicted[i]) * (double) (Y[i] - predicted[i]);
    }
    mse /= X.length;
    assertTrue(mse < 0.01, "MSE " + mse);
    RegressionModel line = new ClosedFormLinear().fit(pairs);
    float[] lined = line.predict(X);
    double lineMse = 0;
    for (int i = 0; i < X.length; i++) {
      lineMse += (Y[i] - lined[i]) * (double) (Y[i] - lined[i]);
    }
    assertTrue(lineMse / X.length > 0.07, "line MSE " + lineMse / X.length);
  }

  /** A checkpoint keeps the fitted network exactly: the same predictions, bit for bit. */
  @Test
  void savesAndRestoresExactly() {
    RegressionModel model =
        new MultilayerPerceptron(4, 3, 200, 1).fit(new ReplicaPairs(List.of(X), List.of(Y)));
    ModelState state = ModelState.of(model);
    assertEquals(ModelState.MLP, state.kind());
    float[] probe = {-1, -0.25f, 0, 0.5f, 3, Float.NaN};
    assertArrayEquals(model.predict(probe), state.model().predict(probe));
    assertTrue(Float.isNaN(model.predict(probe)[5]));
  }

  @Test
  void sizesMustMatchTheParameters() {
    assertEquals(
        "a perceptron of hidden sizes 2, 2 needs 17 parameters; got 3",
        assertThrows(IllegalArgumentException.class, () -> new PerceptronModel(2, 2, new float[3]))
            .getMessage());
    assertEquals(
        "mlp batch must be >= 1; got 0",
        assertThrows(IllegalArgumentException.class, () -> new MultilayerPerceptron(10, 1, 0, 1))
            .getMessage());
  }
}
