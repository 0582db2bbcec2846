package org.ftsim.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AdamTest {

  /**
   * Known answer: torch.optim.Adam([p], betas=(0.9, 0.999), eps=1e-8) for p = [1, −2, 0.5, 0], with
   * g1 = [0.5, −1, 1e−8, 0] at lr 0.1 and g2 = [0.3, 0.2, −2e−8, 0] at lr 0.05 (the rate changes
   * between steps, as lr·√k does). Expected values from PyTorch's update rule (torch/optim/adam.py,
   * single-tensor path) evaluated in double precision: m.lerp_(g, 1 − β1); v.mul_(β2).addcmul_(g,
   * g, 1 − β2); p.addcdiv_(m, √v / √(1 − β2ᵗ) + eps, value=−lr / (1 − β1ᵗ)). The third coordinate's
   * gradient is of the order of eps, where adding eps to √v̂ (PyTorch) or to √v (ND4J's raw
   * updater) differ by a factor of 16: 0.45 here, 0.4969 without the correction.
   */
  @Test
  void matchesPyTorchAdamForTwoSteps() {
    Adam adam = new Adam();
    float[] p = {1f, -2f, 0.5f, 0f};
    adam.step(p, new float[] {0.5f, -1f, 1e-8f, 0f}, 0.1);
    assertArrayEquals(new float[] {0.900000002f, -1.900000001f, 0.45f, 0f}, p, 2e-6f);
    adam.step(p, new float[] {0.3f, 0.2f, -2e-8f, 0f}, 0.05);
    assertArrayEquals(
        new float[] {0.8521254943544381f, -1.8744486974952472f, 0.4612139290363084f, 0f}, p, 2e-6f);
  }

  @Test
  void theFirstStepMovesEveryCoordinateByTheLearningRate() {
    // m̂ = g and v̂ = g² at t = 1, so the step is lr·g/(|g| + eps) ≈ lr·sign(g).
    Adam adam = new Adam();
    float[] p = new float[1000];
    float[] g = new float[1000];
    for (int j = 0; j < g.length; j++) {
      g[j] = (j % 2 == 0 ? 1 : -1) * (j + 1) * 1e-3f;
    }
    adam.step(p, g, 0.01);
    for (int j = 0; j < p.length; j++) {
      assertEquals(-0.01 * Math.signum(g[j]), p[j], 1e-7, "coordinate " + j);
    }
  }

  @Test
  void registryBuildsBothAndRejectsMomentumForAdam() {
    assertTrue(Optimizers.create("sgd", 0.9) instanceof HeavyBallSgd);
    assertTrue(Optimizers.create("adam", 0) instanceof Adam);
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("adam", 0.9))
            .getMessage()
            .contains("momentum applies to sgd"));
    assertTrue(
        assertThrows(IllegalArgumentException.class, () -> Optimizers.create("rmsprop", 0))
            .getMessage()
            .contains("valid: sgd, adam"));
    assertThrows(IllegalArgumentException.class, () -> new Adam(1.0, 0.999, 1e-8));
    assertThrows(IllegalArgumentException.class, () -> new Adam(0.9, 0.999, 0));
  }
}
