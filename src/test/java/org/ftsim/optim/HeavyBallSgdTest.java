package org.ftsim.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class HeavyBallSgdTest {

  /**
   * Known answer, as torch.optim.SGD([p], lr=0.1, momentum=0.9) gives for p = [1, -2] and gradients
   * g1 = [0.5, 1], g2 = [0.5, 1]: v1 = g1, p1 = p − 0.1·v1 = [0.95, −2.1]; v2 = 0.9·v1 + g2 =
   * [0.95, 1.9], p2 = [0.855, −2.29].
   */
  @Test
  void matchesPyTorchMomentumSemantics() {
    HeavyBallSgd sgd = new HeavyBallSgd(0.9);
    float[] p = {1f, -2f};
    sgd.step(p, new float[] {0.5f, 1f}, 0.1);
    assertArrayEquals(new float[] {0.95f, -2.1f}, p, 1e-6f);
    sgd.step(p, new float[] {0.5f, 1f}, 0.1);
    assertArrayEquals(new float[] {0.855f, -2.29f}, p, 1e-6f);
  }

  @Test
  void zeroMomentumIsPlainSgd() {
    HeavyBallSgd sgd = new HeavyBallSgd(0);
    float[] p = {1f};
    sgd.step(p, new float[] {2f}, 0.25);
    sgd.step(p, new float[] {2f}, 0.25);
    assertEquals(0f, p[0], 1e-7f);
  }

  @Test
  void rejectsMomentumOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> new HeavyBallSgd(1.0));
    assertThrows(IllegalArgumentException.class, () -> new HeavyBallSgd(-0.1));
  }

  @Test
  void sqrtScalingMultipliesByRootK() {
    assertEquals(0.004, LearningRateScaling.SQRT.apply(0.001, 16), 1e-15);
    assertEquals(0.001, LearningRateScaling.NONE.apply(0.001, 16), 1e-15);
  }
}
