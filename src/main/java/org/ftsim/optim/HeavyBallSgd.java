package org.ftsim.optim;

import java.util.List;

/**
 * SGD with heavy-ball momentum in PyTorch's form (torch.optim.SGD, dampening 0, no Nesterov): v ←
 * μ·v + g; p ← p − lr·v. With μ = 0 it is plain SGD.
 */
public final class HeavyBallSgd implements Optimizer {

  /** The prototype's momentum for (fashion-)MNIST. */
  public static final double DEFAULT_MOMENTUM = 0.9;

  private final float momentum;
  private float[] velocity;

  /** SGD with momentum μ = {@code momentum} ≥ 0. */
  public HeavyBallSgd(double momentum) {
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("momentum must be in [0, 1); got " + momentum);
    }
    this.momentum = (float) momentum;
  }

  @Override
  public void step(float[] params, float[] gradient, double learningRate) {
    if (velocity == null) {
      velocity = new float[params.length];
    }
    float lr = (float) learningRate;
    float[] v = velocity;
    for (int j = 0; j < params.length; j++) {
      v[j] = momentum * v[j] + gradient[j];
      params[j] -= lr * v[j];
    }
  }

  @Override
  public OptimizerState state() {
    return new OptimizerState(0, velocity == null ? List.of() : List.of(velocity.clone()));
  }

  @Override
  public void restore(OptimizerState state) {
    if (state.vectors().size() > 1) {
      throw new IllegalArgumentException(
          "heavy-ball SGD has one state vector (the velocity); got " + state.vectors().size());
    }
    velocity = state.vectors().isEmpty() ? null : state.vectors().get(0).clone();
  }
}
