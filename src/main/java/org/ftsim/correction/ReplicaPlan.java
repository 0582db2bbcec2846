package org.ftsim.correction;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Whose sub-batch each faulty worker computes in a replica step: a healthy worker drawn uniformly,
 * independently per (seed, step, faulty worker) from the {@link Seeds#REPLICA} stream, so that two
 * faulty workers may copy the same healthy one. Never a faulty worker. Pure and immutable.
 */
public final class ReplicaPlan {

  private final int workers;
  private final boolean[] faulty;
  private final int[] healthy;
  private final long seed;

  /**
   * A plan.
   *
   * @param workers n ≥ 1
   * @param faultyWorkers distinct indices in [0, n); at least one worker must stay healthy
   * @param seed the run's seed
   * @throws IllegalArgumentException naming the bad value
   */
  public ReplicaPlan(int workers, int[] faultyWorkers, long seed) {
    if (workers < 1) {
      throw new IllegalArgumentException("the number of workers must be >= 1; got " + workers);
    }
    this.workers = workers;
    this.faulty = new boolean[workers];
    for (int w : faultyWorkers) {
      if (w < 0 || w >= workers) {
        throw new IllegalArgumentException(
            "faulty worker " + w + " out of range [0, " + (workers - 1) + "]");
      }
      if (faulty[w]) {
        throw new IllegalArgumentException("faulty worker " + w + " given twice");
      }
      faulty[w] = true;
    }
    if (faultyWorkers.length >= workers) {
      throw new IllegalArgumentException(
          "a replica needs a healthy worker; got n="
              + workers
              + ", f="
              + faultyWorkers.length
              + " faulty");
    }
    this.healthy = new int[workers - faultyWorkers.length];
    for (int w = 0, i = 0; w < workers; w++) {
      if (!faulty[w]) {
        healthy[i++] = w;
      }
    }
    this.seed = seed;
  }

  /**
   * The healthy worker whose sub-batch {@code faultyWorker} computes at {@code step}.
   *
   * @throws IllegalArgumentException when {@code faultyWorker} is not a faulty worker
   */
  public int source(long step, int faultyWorker) {
    if (faultyWorker < 0 || faultyWorker >= workers || !faulty[faultyWorker]) {
      throw new IllegalArgumentException(
          "worker " + faultyWorker + " is not a faulty worker of this plan");
    }
    SplittableRandom random = Seeds.random(seed, Seeds.REPLICA, step, faultyWorker);
    return healthy[random.nextInt(healthy.length)];
  }

  /**
   * For every worker, the worker whose sub-batch it computes at {@code step}: itself when healthy,
   * its {@link #source} when faulty (the prototype's "W-B MAP").
   */
  public int[] batchOwners(long step) {
    int[] owners = new int[workers];
    for (int w = 0; w < workers; w++) {
      owners[w] = faulty[w] ? source(step, w) : w;
    }
    return owners;
  }

  /** The healthy workers, ascending. */
  public int[] healthyWorkers() {
    return healthy.clone();
  }

  @Override
  public String toString() {
    return "replicas of " + Arrays.toString(healthy);
  }
}
