package org.ftsim.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OptimizersTest {

  /**
   * No optimizer writes into the gradient it steps with: the aggregate can be one of the workers'
   * reports (a rule that selects one), which the workers' rows read on another thread meanwhile.
   */
  @Test
  void everyOptimizerLeavesTheGradientUntouchedAndMovesTheParameters() {
    SplittableRandom random = new SplittableRandom(5);
    int d = 1000;
    for (String name : Optimizers.NAMES) {
      Optimizer optimizer = Optimizers.create(name, name.equals("sgd") ? 0.9 : 0);
      float[] params = new float[d];
      float[] gradient = new float[d];
      for (int j = 0; j < d; j++) {
        params[j] = (float) random.nextGaussian();
        gradient[j] = (float) random.nextGaussian();
      }
      float[] before = gradient.clone();
      float[] start = params.clone();
      for (int step = 0; step < 3; step++) {
        optimizer.step(params, gradient, 0.01);
        assertArrayEquals(before, gradient, name + " wrote into the gradient at step " + step);
      }
      assertFalse(Arrays.equals(start, params), name + " did not move the parameters");
    }
  }
}
