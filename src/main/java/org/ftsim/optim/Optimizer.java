package org.ftsim.optim;

/** Updates a flat parameter vector in place from an aggregate gradient. */
public interface Optimizer {

  /** One step: {@code params} ← update(params, gradient, learningRate). */
  void step(float[] params, float[] gradient, double learningRate);
}
