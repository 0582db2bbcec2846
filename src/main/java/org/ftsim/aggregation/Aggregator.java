package org.ftsim.aggregation;

/**
 * An aggregation rule: combines the gradients reported by the workers of one step into one.
 *
 * <p>Rows are the reports that arrived, in worker order, all of the same length d; a rule never
 * modifies them. Rules that tolerate f faulty inputs take f (and their other parameters) in the
 * constructor and check there that they are valid; {@link #checkFeasible(int)} checks a number of
 * inputs against the rule's precondition before a run starts, and {@link #aggregate} checks it
 * again on every call.
 *
 * <p>Non-finite inputs: while at most {@link #tolerated()} rows contain NaN or ±∞, a robust rule
 * returns a finite aggregate. Distance-based rules treat such a row as infinitely far from every
 * other; coordinate-wise rules order NaN as +∞, so that trimming discards it.
 */
public interface Aggregator {

  /** Aggregates the rows; the result says how many rows it kept (k) and which. */
  Aggregation aggregate(float[][] gradients);

  /**
   * Whether the rule needs the server's root gradient g₀ ({@link FlTrust}, computed on the trusted
   * samples of {@code --root-samples}); such a rule aggregates through {@link #aggregate(float[][],
   * float[])} only.
   */
  default boolean needsRoot() {
    return false;
  }

  /**
   * Aggregates the rows given the server's root gradient {@code root} (length d; null when the run
   * computes none). A rule that does not {@link #needsRoot() need} it ignores it.
   */
  default Aggregation aggregate(float[][] gradients, float[] root) {
    return aggregate(gradients);
  }

  /**
   * Throws {@link IllegalArgumentException}, naming both numbers, when n inputs do not satisfy the
   * rule's precondition (e.g. {@code Krum needs n > 2f + 2; got n=5, f=2}).
   */
  default void checkFeasible(int n) {
    Feasibility.atLeastOne(n);
  }

  /** The number of arbitrary (Byzantine, NaN, ±∞) inputs the rule is built to withstand. */
  default int tolerated() {
    return 0;
  }

  /**
   * Forgets any state carried from one call to the next (only {@link CenteredClipping} has some);
   * the next call behaves like the first.
   */
  default void reset() {}

  /**
   * A copy of the state carried from one call to the next (centered clipping's centre), for
   * checkpoints; {@link CarriedState#NONE} when there is none.
   */
  default CarriedState state() {
    return CarriedState.NONE;
  }

  /** Continues from {@code state}, a {@link #state()} of an instance built alike. */
  default void restore(CarriedState state) {}
}
