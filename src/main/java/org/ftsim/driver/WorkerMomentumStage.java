package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import org.ftsim.optim.OptimizerState;
import org.ftsim.optim.WorkerMomentum;

/**
 * The worker-momentum stage of the step pipeline ({@code --worker-momentum}): each honest worker's
 * gradient is replaced, before the faults, by its momentum vector, kept here on the driver per
 * worker index. Faulty workers keep their raw gradient, and the omniscient faults (ALIE, IPM,
 * mimic, ByzFL's attacks) read the honest workers' momentum vectors: in both references the
 * Byzantine workers see what the honest workers send (ByzFL's attacks take the clients' {@code
 * get_flat_gradients_with_momentum()}, the bucketing code's attackers the {@code MomentumWorker}s'
 * {@code get_gradient()}, their momentum buffers), and the bucketing code's Byzantine workers are
 * plain {@code TorchWorker}s without momentum. Correction, detection and the workers rows see the
 * momentum vectors too: they are what the honest workers send.
 */
final class WorkerMomentumStage {

  private final WorkerMomentum momentum;
  private final int[] honestWorkers;
  private float[][] vectors;
  private long steps;

  /**
   * @param momentum the update, inactive for none
   * @param honestWorkers the workers whose gradients are replaced, increasing
   */
  WorkerMomentumStage(WorkerMomentum momentum, int[] honestWorkers) {
    this.momentum = momentum;
    this.honestWorkers = honestWorkers.clone();
  }

  /**
   * Accumulates each honest worker's gradient {@code gradients[w]} into its momentum and puts a
   * copy of the momentum in its place; nothing without momentum.
   */
  void apply(float[][] gradients) {
    if (!momentum.isActive()) {
      return;
    }
    if (vectors == null) {
      vectors = new float[honestWorkers.length][];
      for (int i = 0; i < honestWorkers.length; i++) {
        vectors[i] = new float[gradients[honestWorkers[i]].length];
      }
    }
    for (int i = 0; i < honestWorkers.length; i++) {
      int w = honestWorkers[i];
      momentum.accumulate(vectors[i], gradients[w]);
      gradients[w] = vectors[i].clone();
    }
    steps++;
  }

  /**
   * A copy of the state: the accumulations so far and the honest workers' momentum vectors in
   * worker order (none before the first step or without momentum).
   */
  OptimizerState state() {
    List<float[]> copy = new ArrayList<>();
    if (vectors != null) {
      for (float[] v : vectors) {
        copy.add(v.clone());
      }
    }
    return new OptimizerState(steps, copy);
  }

  /** Continues from {@code state}, a {@link #state()} of the same configuration. */
  void restore(OptimizerState state) {
    List<float[]> v = state.vectors();
    if (!v.isEmpty() && v.size() != honestWorkers.length) {
      throw new IllegalArgumentException(
          "the worker momentum holds one vector per honest worker ("
              + honestWorkers.length
              + "); got "
              + v.size());
    }
    steps = state.steps();
    if (v.isEmpty()) {
      vectors = null;
      return;
    }
    vectors = new float[v.size()][];
    for (int i = 0; i < vectors.length; i++) {
      vectors[i] = v.get(i).clone();
    }
  }
}
