package org.ftsim.spark;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.fault.FaultPlan;

/**
 * A {@link FaultPlan} as the values that build it, so that executors can rebuild the plan (faults
 * are plain objects, not serializable) and corrupt their workers' gradients where they compute
 * them. The plan is pure: the same values give the same plan on every JVM.
 *
 * @param workers n
 * @param faulty the faulty workers
 * @param fault the default fault spec
 * @param faultOf per-worker fault specs
 * @param probability the chance a faulty worker misbehaves at a step
 * @param start the first step faults apply
 * @param seed the run's seed
 */
public record FaultSpec(
    int workers,
    int[] faulty,
    String fault,
    TreeMap<Integer, String> faultOf,
    double probability,
    long start,
    long seed)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The spec of {@code plan}, built with {@code seed}. */
  public static FaultSpec of(FaultPlan plan, String defaultFault, long seed) {
    TreeMap<Integer, String> each = new TreeMap<>();
    for (int w : plan.faultyWorkers()) {
      each.put(w, plan.faultName(w));
    }
    return new FaultSpec(
        plan.workers(),
        plan.faultyWorkers(),
        defaultFault,
        each,
        plan.probability(),
        plan.start(),
        seed);
  }

  /** The plan. */
  public FaultPlan plan() {
    return new FaultPlan(workers, faulty, fault, Map.copyOf(faultOf), probability, start, seed);
  }
}
