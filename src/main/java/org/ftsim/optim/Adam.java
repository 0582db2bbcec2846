package org.ftsim.optim;

import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;

/**
 * Adam (Kingma and Ba, 2015) in PyTorch's form (torch.optim.Adam, no weight decay, no AMSGrad),
 * computed by ND4J's Adam updater on the flat parameter vector: m ← β₁m + (1 − β₁)g, v ← β₂v + (1 −
 * β₂)g², p ← p − lr·m̂ / (√v̂ + ε) with m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ).
 *
 * <p>ND4J's updater computes lr·√(1 − β₂ᵗ) / (1 − β₁ᵗ) · m / (√v + ε'), i.e. it adds its ε' to √v
 * rather than to √v̂; passing ε' = ε·√(1 − β₂ᵗ) at step t makes the two identical. The learning
 * rate may change at every step (lr·√k).
 */
public final class Adam implements Optimizer {

  /** PyTorch's defaults. */
  public static final double DEFAULT_BETA1 = 0.9;

  public static final double DEFAULT_BETA2 = 0.999;
  public static final double DEFAULT_EPSILON = 1e-8;

  /** Replaced at every step by the step's rate. */
  private static final double INITIAL_LEARNING_RATE = 1e-3;

  private final double beta1;
  private final double beta2;
  private final double epsilon;
  private final org.nd4j.linalg.learning.config.Adam config;
  private GradientUpdater<?> updater;

  /** The updater's state, m then v (the updater works on views of it). */
  private INDArray moments;

  private INDArray gradient;
  private int steps;

  /** Adam with PyTorch's default β = (0.9, 0.999) and ε = 1e-8. */
  public Adam() {
    this(DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPSILON);
  }

  /** Adam with decay rates β₁, β₂ in [0, 1) and ε > 0. */
  public Adam(double beta1, double beta2, double epsilon) {
    if (!(beta1 >= 0 && beta1 < 1) || !(beta2 >= 0 && beta2 < 1)) {
      throw new IllegalArgumentException(
          "Adam's betas must be in [0, 1); got " + beta1 + ", " + beta2);
    }
    if (!(epsilon > 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("Adam's epsilon must be > 0; got " + epsilon);
    }
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.epsilon = epsilon;
    this.config =
        new org.nd4j.linalg.learning.config.Adam(INITIAL_LEARNING_RATE, beta1, beta2, epsilon);
  }

  @Override
  public void step(float[] params, float[] gradient, double learningRate) {
    int d = params.length;
    if (updater == null) {
      start(d);
    }
    steps++;
    config.setLearningRate(learningRate);
    config.setEpsilon(epsilon * Math.sqrt(1 - Math.pow(beta2, steps)));
    this.gradient.data().setData(gradient);
    // The updater turns the gradient into the step, in place; iteration counts from 0.
    updater.applyUpdater(this.gradient, steps - 1, 0);
    float[] update = this.gradient.data().asFloat();
    for (int j = 0; j < d; j++) {
      params[j] -= update[j];
    }
  }

  private void start(int d) {
    gradient = Nd4j.zeros(DataType.FLOAT, d);
    moments = Nd4j.zeros(DataType.FLOAT, 1, 2L * d);
    updater = config.instantiate(moments, true);
  }

  @Override
  public OptimizerState state() {
    return new OptimizerState(
        steps, updater == null ? List.of() : List.of(moments.data().asFloat()));
  }

  @Override
  public void restore(OptimizerState state) {
    List<float[]> vectors = state.vectors();
    if (vectors.size() > 1 || vectors.isEmpty() != (state.steps() == 0)) {
      throw new IllegalArgumentException(
          "Adam's state is its step count and one vector of moments (none before step 1); got "
              + state.steps()
              + " steps and "
              + vectors.size()
              + " vectors");
    }
    steps = Math.toIntExact(state.steps());
    if (vectors.isEmpty()) {
      updater = null;
      return;
    }
    float[] m = vectors.get(0);
    if (m.length % 2 != 0) {
      throw new IllegalArgumentException("Adam's moments have an even length; got " + m.length);
    }
    start(m.length / 2);
    moments.data().setData(m);
  }

  @Override
  public String toString() {
    return "adam(betas=" + beta1 + "," + beta2 + ", eps=" + epsilon + ")";
  }
}
