package org.ftsim.fault;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of a plan's faults that carry state across steps ({@link MimicWarmup}), for
 * checkpoints: one entry per fault instance, keyed by the lowest faulty worker it serves (a spec
 * without {@code --fault-of} is one instance shared by every faulty worker).
 */
public final class FaultStates {

  private FaultStates() {}

  /** The state of every stateful fault of {@code plan}, in worker order; empty when none. */
  public static Map<Integer, FaultState> of(FaultPlan plan) {
    Map<Integer, FaultState> states = new TreeMap<>();
    Set<Fault> seen = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (int w : plan.faultyWorkers()) {
      Fault fault = plan.fault(w);
      if (seen.add(fault)) {
        FaultState state = fault.state();
        if (state != null) {
          states.put(w, state);
        }
      }
    }
    return states;
  }

  /**
   * Puts {@code saved} (from {@link #of}) back into {@code plan}'s faults.
   *
   * @throws IllegalStateException when a saved worker is not faulty in {@code plan}
   */
  public static void restore(FaultPlan plan, Map<Integer, FaultState> saved) {
    for (Map.Entry<Integer, FaultState> e : saved.entrySet()) {
      int w = e.getKey();
      if (w < 0 || w >= plan.workers() || !plan.isFaulty(w)) {
        throw new IllegalStateException(
            "saved fault state of worker " + w + ", which is not faulty");
      }
      plan.fault(w).restore(e.getValue());
    }
  }
}
