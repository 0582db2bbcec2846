package org.ftsim.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Worker momentum, the step schedule and weight decay (issue 13), by known answers. */
class ProtocolMathTest {

  /**
   * ByzFL's Client.get_flat_gradients_with_momentum with momentum 0.9 from m = 0: g1 = [1, −2]
   * gives m1 = 0.1·g1 = [0.1, −0.2]; g2 = [3, 0] gives m2 = 0.9·m1 + 0.1·g2 = [0.39, −0.18].
   */
  @Test
  void dampenedIsByzfls() {
    WorkerMomentum m = new WorkerMomentum(0.9, WorkerMomentum.Update.DAMPENED);
    float[] v = new float[2];
    m.accumulate(v, new float[] {1f, -2f});
    assertArrayEquals(new float[] {0.1f, -0.2f}, v, 1e-7f);
    m.accumulate(v, new float[] {3f, 0f});
    assertArrayEquals(new float[] {0.39f, -0.18f}, v, 1e-6f);
  }

  /**
   * The bucketing code's MomentumWorker with momentum 0.9: the first buffer is g1 = [1, −2]; then
   * buffer.mul_(0.9).add_(g2) with g2 = [3, 0] gives [3.9, −1.8].
   */
  @Test
  void plainIsTheBucketingCodes() {
    WorkerMomentum m = new WorkerMomentum(0.9, WorkerMomentum.Update.PLAIN);
    float[] v = new float[2];
    m.accumulate(v, new float[] {1f, -2f});
    assertArrayEquals(new float[] {1f, -2f}, v, 0f);
    m.accumulate(v, new float[] {3f, 0f});
    assertArrayEquals(new float[] {3.9f, -1.8f}, v, 1e-6f);
  }

  @Test
  void zeroMomentumSendsTheGradient() {
    for (WorkerMomentum.Update u : WorkerMomentum.Update.values()) {
      WorkerMomentum m = new WorkerMomentum(0, u);
      assertFalse(m.isActive());
      float[] v = {5f};
      m.accumulate(v, new float[] {2f});
      assertArrayEquals(new float[] {2f}, v, 0f);
    }
  }

  @Test
  void momentumRefusesBadValues() {
    assertThrows(
        IllegalArgumentException.class, () -> new WorkerMomentum(1, WorkerMomentum.Update.PLAIN));
    assertThrows(
        IllegalArgumentException.class,
        () -> new WorkerMomentum(Double.NaN, WorkerMomentum.Update.PLAIN));
    assertEquals(
        "unknown momentum update 'nesterov'; valid: dampened, plain",
        assertThrows(IllegalArgumentException.class, () -> WorkerMomentum.update("nesterov"))
            .getMessage());
  }

  /**
   * torch.optim.lr_scheduler.MultiStepLR(opt, milestones=[2, 4], gamma=0.1) stepped after each
   * optimizer step: the rates of steps 1..6 are 1, 1, 0.1, 0.1, 0.01, 0.01 (× lr).
   */
  @ParameterizedTest
  @CsvSource({"1, 1", "2, 1", "3, 0.1", "4, 0.1", "5, 0.01", "6, 0.01", "1000, 0.01"})
  void scheduleIsMultiStepLr(long step, double factor) {
    StepSchedule s = new StepSchedule(List.of(2, 4), 0.1);
    assertEquals(factor, s.factor(step), 1e-15);
    assertEquals(0.5 * factor, s.apply(0.5, step), 1e-15);
  }

  @Test
  void noMilestonesIsConstant() {
    assertEquals(1, StepSchedule.CONSTANT.factor(1_000_000));
    assertEquals(1, new StepSchedule(List.of(), 0.5).factor(10));
  }

  @Test
  void scheduleRefusesBadMilestones() {
    assertEquals(
        "milestones must increase; got [4, 2]",
        assertThrows(IllegalArgumentException.class, () -> new StepSchedule(List.of(4, 2), 0.1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(List.of(0), 0.1));
    assertThrows(IllegalArgumentException.class, () -> new StepSchedule(List.of(3), 0));
  }

  /**
   * torch.optim.SGD([w], lr=0.1, weight_decay=0.01) with w = [2, −4] and gradient [1, 1] steps with
   * d = g + 0.01·w = [1.02, 0.96]: w becomes [1.898, −4.096].
   */
  @Test
  void weightDecayIsTorchSgds() {
    WeightDecay decay = new WeightDecay(0.01);
    float[] w = {2f, -4f};
    float[] d = decay.apply(new float[] {1f, 1f}, w);
    assertArrayEquals(new float[] {1.02f, 0.96f}, d, 1e-7f);
    new HeavyBallSgd(0).step(w, d, 0.1);
    assertArrayEquals(new float[] {1.898f, -4.096f}, w, 1e-6f);
  }

  @Test
  void noWeightDecayLeavesTheGradient() {
    float[] g = {1f};
    assertSame(g, new WeightDecay(0).apply(g, new float[] {3f}));
    assertThrows(IllegalArgumentException.class, () -> new WeightDecay(-1e-4));
  }
}
