package org.ftsim.driver;

import java.util.List;
import org.ftsim.spark.WorkerGradient;

/**
 * Batch normalisation in a simulation of data-parallel workers. Each worker normalises with its own
 * sub-batch's statistics, as every DDP worker does; the running mean and variance used at
 * evaluation are driver state inside the flat parameter vector: updated after each step, in worker
 * order, from the statistics each worker whose report arrived computed on its batch, with PyTorch's
 * rule r ← (1 − 0.1)·r + 0.1·s (s the batch mean, or the unbiased batch variance). They are never
 * faulted, aggregated or stepped: every report is cleared at the state positions before the defense
 * sees it, so the aggregate and the optimizer leave them alone.
 *
 * <p>The prototype keeps one shared module whose running statistics each worker's forward pass
 * updates in turn, which is the same sequence of updates in the same order.
 */
final class BatchNormState {

  /** PyTorch's default momentum of the running statistics. */
  static final double MOMENTUM = 0.1;

  private BatchNormState() {}

  /** Sets every arrived report to 0 at the state positions (a fault never reaches them). */
  static void clearState(float[][] reported, int[] state) {
    if (state.length == 0) {
      return;
    }
    for (float[] r : reported) {
      if (r != null) {
        for (int i : state) {
          r[i] = 0;
        }
      }
    }
  }

  /**
   * Updates the running statistics in {@code params} from the statistics of the workers whose
   * reports arrived ({@code reported[w] != null}), in worker order.
   */
  static void update(
      float[] params, int[] state, List<WorkerGradient> computed, float[][] reported) {
    if (state.length == 0) {
      return;
    }
    for (WorkerGradient g : computed) {
      if (reported[g.worker()] == null || g.statistics() == null) {
        continue; // crashed, or dealt no data (--byzantine-data none)
      }
      float[] s = g.statisticsValues();
      for (int i = 0; i < state.length; i++) {
        int p = state[i];
        params[p] = (float) ((1 - MOMENTUM) * params[p] + MOMENTUM * s[i]);
      }
    }
  }
}
