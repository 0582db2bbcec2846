package org.ftsim.fault;

import java.lang.ref.WeakReference;

/**
 * {@code shared:FAULT}: every faulty worker of this spec sends one vector per step, the one FAULT
 * gives the lowest-index misbehaving worker (a {@link FaultPlan} applies faults in worker order),
 * as ByzFL does ({@code [byzantine_vector] * f}); without the prefix each worker computes its own
 * (its own noise, its own draws, its own gradient flipped). For a fault that ignores the worker
 * (ALIE, IPM, Min-Max) the two are the same.
 *
 * <p>The vector is kept from the first call of a step to the next call with other honest gradients
 * (a new step); callers get copies.
 */
public final class Shared implements Fault {

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return fault.needsOwnGradient();
  }

  private final Fault fault;
  private WeakReference<HonestGradients> step = new WeakReference<>(null);
  private float[] vector;

  /** Shares {@code fault}'s report among the workers it is given to. */
  public Shared(Fault fault) {
    this.fault = fault;
  }

  /** The shared fault. */
  public Fault fault() {
    return fault;
  }

  @Override
  public boolean flipsLabels() {
    return fault.flipsLabels();
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    fault.checkFeasible(workers, honestWorkers);
  }

  @Override
  public FaultState state() {
    return fault.state();
  }

  @Override
  public void restore(FaultState state) {
    fault.restore(state);
  }

  @Override
  public synchronized float[] corrupt(float[] honest, FaultContext context) {
    if (step.get() != context.honest()) {
      vector = fault.corrupt(honest, context);
      step = new WeakReference<>(context.honest());
    }
    return vector == null ? null : vector.clone();
  }

  @Override
  public String toString() {
    return "shared:" + fault;
  }
}
