package org.ftsim.fault;

import org.ftsim.base.Seeds;

/** Builds fault contexts for tests, as {@link FaultPlan} does. */
final class Contexts {

  private Contexts() {}

  /**
   * The context of faulty worker {@code worker} at {@code step}, with {@code workers} workers, the
   * honest ones {@code honestWorkers} with gradients {@code rows}.
   */
  static FaultContext of(
      int worker, long step, int workers, int[] honestWorkers, float[][] rows, long seed) {
    return new FaultContext(
        worker,
        step,
        new HonestGradients(honestWorkers, rows),
        workers,
        workers - honestWorkers.length,
        Seeds.random(seed, Seeds.FAULT, worker, step));
  }

  /** Honest workers 0..h−1 with gradients {@code rows}, faulty worker h, n = h + 1. */
  static FaultContext of(float[][] rows) {
    int[] honest = new int[rows.length];
    for (int i = 0; i < honest.length; i++) {
      honest[i] = i;
    }
    return of(rows.length, 1, rows.length + 1, honest, rows, 1);
  }
}
