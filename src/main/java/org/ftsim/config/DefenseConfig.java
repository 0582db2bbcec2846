package org.ftsim.config;

/**
 * The defense: pre-aggregators, then a rule, for a declared f.
 *
 * @param defense aggregation rule spec, or null for the default (drop with faulty workers, mean
 *     otherwise)
 * @param pre pre-aggregator chain, or empty
 * @param tolerate declared f for robust rules, or -1 for the number of faulty workers
 */
public record DefenseConfig(String defense, String pre, int tolerate) {

  /** SPEC §3's defaults, the rule and f still open. */
  public static DefenseConfig defaults() {
    return new DefenseConfig(null, "", -1);
  }
}
