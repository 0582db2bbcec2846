package org.ftsim.optim;

/** Updates a flat parameter vector in place from an aggregate gradient. */
public interface Optimizer {

  /** One step: {@code params} ← update(params, gradient, learningRate). */
  void step(float[] params, float[] gradient, double learningRate);

  /** A copy of the state carried from step to step (momentum, moments, step count). */
  OptimizerState state();

  /**
   * Continues from {@code state}, a {@link #state()} of an optimizer of the same kind and settings:
   * the next {@link #step} is the one that optimizer would have taken.
   *
   * @throws IllegalArgumentException when the state is not of this kind of optimizer
   */
  void restore(OptimizerState state);
}
