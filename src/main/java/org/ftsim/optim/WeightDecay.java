package org.ftsim.optim;

/**
 * L2 weight decay as torch.optim.SGD's {@code weight_decay} (and so ByzFL's server): the gradient
 * the optimizer steps with is g + λ·w, computed before momentum or moments. ftsim applies it on the
 * driver to the aggregate, as ByzFL's server optimizer does; its honest clients compute plain
 * gradients (their own optimizer's weight decay only acts in its FedAvg path). The bucketing code
 * has none.
 */
public final class WeightDecay {

  private final float lambda;

  /** Decay λ ≥ 0 (0: none). */
  public WeightDecay(double lambda) {
    if (!(lambda >= 0) || Double.isInfinite(lambda)) {
      throw new IllegalArgumentException("the weight decay must be a number >= 0; got " + lambda);
    }
    this.lambda = (float) lambda;
  }

  /** Whether it changes anything (λ &gt; 0). */
  public boolean isActive() {
    return lambda > 0;
  }

  /** A new vector g + λ·w; {@code gradient} itself when λ = 0. */
  public float[] apply(float[] gradient, float[] params) {
    if (lambda == 0) {
      return gradient;
    }
    float[] out = new float[gradient.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = gradient[j] + lambda * params[j];
    }
    return out;
  }
}
