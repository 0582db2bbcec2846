package org.ftsim.optim;

import java.util.Arrays;
import java.util.List;

/**
 * A step learning-rate schedule with PyTorch's MultiStepLR semantics counted in steps ({@code
 * --lr-milestones}, {@code --lr-decay}): the rate of global step t (from 1) is lr·γ^k, k the number
 * of milestones m with m &lt; t. With milestones 200, 400 and γ = 0.1, steps 1–200 use lr, 201–400
 * lr/10, and the rest lr/100, as {@code scheduler.step()} after every optimizer step does in ByzFL.
 * Without milestones the rate is constant.
 */
public final class StepSchedule {

  /** The constant schedule. */
  public static final StepSchedule CONSTANT = new StepSchedule(List.of(), 1);

  private final int[] milestones;
  private final double decay;

  /**
   * @param milestones positive and strictly increasing global steps
   * @param decay γ &gt; 0, the factor applied after each milestone
   * @throws IllegalArgumentException naming the bad value
   */
  public StepSchedule(List<Integer> milestones, double decay) {
    if (!(decay > 0) || Double.isInfinite(decay)) {
      throw new IllegalArgumentException("the decay must be a positive number; got " + decay);
    }
    this.milestones = milestones.stream().mapToInt(Integer::intValue).toArray();
    for (int i = 0; i < this.milestones.length; i++) {
      if (this.milestones[i] < 1) {
        throw new IllegalArgumentException(
            "milestones are steps, from 1; got " + this.milestones[i]);
      }
      if (i > 0 && this.milestones[i] <= this.milestones[i - 1]) {
        throw new IllegalArgumentException(
            "milestones must increase; got " + Arrays.toString(this.milestones));
      }
    }
    this.decay = decay;
  }

  /** γ^k for global step {@code step} (from 1), k the milestones before it. */
  public double factor(long step) {
    double f = 1;
    for (int m : milestones) {
      if (m < step) {
        f *= decay;
      }
    }
    return f;
  }

  /** The rate of global step {@code step} for base rate {@code lr}. */
  public double apply(double lr, long step) {
    return lr * factor(step);
  }

  @Override
  public String toString() {
    return milestones.length == 0
        ? "constant"
        : "×" + decay + " after steps " + Arrays.toString(milestones);
  }
}
