package org.ftsim.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which workers are faulty and how they misbehave.
 *
 * @param faulty indices of the faulty workers
 * @param fault the fault spec of every faulty worker
 * @param faultOf per-worker fault overrides
 * @param faultProb probability that a faulty worker misbehaves at a step
 * @param faultStart first global step at which faults apply
 */
public record FaultConfig(
    List<Integer> faulty,
    String fault,
    Map<Integer, String> faultOf,
    double faultProb,
    long faultStart) {

  /** The prototype's fault. */
  public static final String DEFAULT_FAULT = "scale:10";

  public FaultConfig {
    faulty = List.copyOf(faulty);
    faultOf = Map.copyOf(new TreeMap<>(faultOf));
  }

  /** No faulty worker, the prototype's fault ready. */
  public static FaultConfig defaults() {
    return new FaultConfig(List.of(), DEFAULT_FAULT, Map.of(), 1.0, 1);
  }

  /** The faulty workers as an array. */
  public int[] faultyArray() {
    return faulty.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The fault as the runs table names it: the default spec, then any overrides; null if none. */
  public String label() {
    return faulty.isEmpty() ? null : faultOf.isEmpty() ? fault : fault + " " + faultOf;
  }
}
