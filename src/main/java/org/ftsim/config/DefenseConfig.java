package org.ftsim.config;

/**
 * The defense: pre-aggregators, then a rule, for a declared f; and the detector of faulty workers.
 *
 * @param defense aggregation rule spec, or null for the default (drop with faulty workers, mean
 *     otherwise)
 * @param pre pre-aggregator chain, or empty
 * @param tolerate declared f for robust rules, or -1 for the number of faulty workers
 * @param detect detector spec ({@code --detect}), or null for none
 */
public record DefenseConfig(String defense, String pre, int tolerate, String detect) {

  /** SPEC §3's defaults, the rule and f still open, no detector. */
  public static DefenseConfig defaults() {
    return new DefenseConfig(null, "", -1, null);
  }

  /** With detector {@code spec} (null: none) instead. */
  public DefenseConfig withDetect(String spec) {
    return new DefenseConfig(defense, pre, tolerate, spec);
  }
}
