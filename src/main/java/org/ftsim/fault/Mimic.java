package org.ftsim.fault;

import java.util.Arrays;

/**
 * {@code mimic[:I]} reports a copy of honest worker I's gradient of the same step, over-weighting
 * one worker's data: harmless on i.i.d. data, harmful on heterogeneous data.
 *
 * <p>Parameter {@code worker} (I): the index of an honest worker; default the first (lowest-index)
 * honest worker. A faulty or out-of-range I fails when the plan is built ({@link #checkFeasible}),
 * or at the first step if the fault is used outside a plan.
 *
 * <p>Karimireddy, S. P., He, L. and Jaggi, M. (2022), "Byzantine-Robust Learning on Heterogeneous
 * Datasets via Bucketing", ICLR 2022.
 */
public final class Mimic implements Fault {

  private static final int FIRST_HONEST = -1;

  private final int target;

  /** Mimics the first honest worker. */
  public Mimic() {
    this.target = FIRST_HONEST;
  }

  /** Mimics honest worker {@code worker}. */
  public Mimic(int worker) {
    if (worker < 0) {
      throw new IllegalArgumentException("mimic worker must be a worker index >= 0; got " + worker);
    }
    this.target = worker;
  }

  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean coordinateWise() {
    return true;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    if (honestWorkers.length == 0) {
      throw new IllegalArgumentException("mimic needs at least 1 honest worker; got 0");
    }
    if (target != FIRST_HONEST && Arrays.binarySearch(honestWorkers, target) < 0) {
      throw new IllegalArgumentException(
          "mimic worker "
              + target
              + (target < workers ? " is faulty" : " does not exist (n=" + workers + ")")
              + "; honest workers: "
              + Arrays.toString(honestWorkers));
    }
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    HonestGradients rows = context.honest();
    if (target == FIRST_HONEST) {
      if (rows.count() == 0) {
        throw new IllegalArgumentException("mimic needs at least 1 honest worker; got 0");
      }
      return rows.rows()[0].clone();
    }
    try {
      return rows.ofWorker(target).clone();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mimic: " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return target == FIRST_HONEST ? "mimic" : "mimic:worker=" + target;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
