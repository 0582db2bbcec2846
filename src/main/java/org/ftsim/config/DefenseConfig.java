package org.ftsim.config;

/**
 * The defense: pre-aggregators, then a rule, for a declared f; and the detector of faulty workers.
 *
 * @param defense aggregation rule spec, or null for the default (drop with faulty workers, mean
 *     otherwise)
 * @param pre pre-aggregator chain, or empty
 * @param tolerate declared f for robust rules, or -1 for the number of faulty workers
 * @param detect detector spec ({@code --detect}), or null for none
 * @param aggregateOn where the faults and the rule run ({@code --aggregate-on}): {@link #DRIVER}
 *     (null means it) or {@link #EXECUTORS}
 * @param rootSamples the server's trusted root samples ({@code --root-samples}), drawn from the
 *     training set with the seed, on which the driver computes the root gradient {@code fltrust}
 *     needs; 0 for none
 */
public record DefenseConfig(
    String defense, String pre, int tolerate, String detect, String aggregateOn, int rootSamples) {

  /** Faults and rule on the driver, over the n × d matrix: the default. */
  public static final String DRIVER = "driver";

  /** Faults and rule on the executors, over coordinate blocks of every worker's gradient. */
  public static final String EXECUTORS = "executors";

  public DefenseConfig {
    if (aggregateOn != null && !aggregateOn.equals(DRIVER) && !aggregateOn.equals(EXECUTORS)) {
      throw new ConfigException(
          "--aggregate-on", aggregateOn, "valid: " + DRIVER + ", " + EXECUTORS);
    }
    if (rootSamples < 0) {
      throw new ConfigException("--root-samples", rootSamples, "must be positive (or 0: none)");
    }
  }

  /** A defense without root samples. */
  public DefenseConfig(
      String defense, String pre, int tolerate, String detect, String aggregateOn) {
    this(defense, pre, tolerate, detect, aggregateOn, 0);
  }

  /** A defense aggregated on the driver, without root samples. */
  public DefenseConfig(String defense, String pre, int tolerate, String detect) {
    this(defense, pre, tolerate, detect, null);
  }

  /** SPEC §3's defaults, the rule and f still open, no detector. */
  public static DefenseConfig defaults() {
    return new DefenseConfig(null, "", -1, null);
  }

  /** With detector {@code spec} (null: none) instead. */
  public DefenseConfig withDetect(String spec) {
    return new DefenseConfig(defense, pre, tolerate, spec, aggregateOn, rootSamples);
  }

  /** Whether the faults and the rule run on the executors. */
  public boolean onExecutors() {
    return EXECUTORS.equals(aggregateOn);
  }
}
