package org.ftsim.optim;

import java.util.List;

/**
 * A copy of what an optimizer carries from one step to the next, for checkpoints ({@link
 * Optimizer#state()}, {@link Optimizer#restore}).
 *
 * @param steps steps taken (Adam's t; heavy-ball SGD does not count them and says 0)
 * @param vectors the state vectors: heavy-ball SGD's velocity; Adam's first and second moments as
 *     one vector of 2d (m, then v); none before the first step
 */
public record OptimizerState(long steps, List<float[]> vectors) {

  public OptimizerState {
    vectors = List.copyOf(vectors);
  }
}
