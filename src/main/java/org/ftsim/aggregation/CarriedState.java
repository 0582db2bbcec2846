package org.ftsim.aggregation;

/**
 * A copy of what a rule or pre-aggregator carries from one call to the next, for checkpoints: a
 * call counter ({@link Bucketing}'s permutation index) and a vector ({@link CenteredClipping}'s
 * centre), either unused.
 *
 * @param calls calls made so far, or 0 when not counted
 * @param vector the carried vector (a copy), or null when there is none
 */
public record CarriedState(long calls, float[] vector) {

  /** The state of a stateless instance. */
  public static final CarriedState NONE = new CarriedState(0, null);
}
