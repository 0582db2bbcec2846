package org.ftsim.aggregation;

/**
 * A transformation of the reported gradients applied before the aggregation rule (clipping,
 * nearest-neighbour mixing, bucketing, ...). It returns new rows and never modifies its input (an
 * unchanged row may be returned as the same array); the number of rows returned may differ from the
 * number given (bucketing).
 */
public interface PreAggregator {

  /** Returns the transformed rows. */
  float[][] apply(float[][] gradients);

  /**
   * The transformed rows together with, for each output row, the input rows it was computed from;
   * {@link Defense} uses them to report which workers an aggregate used and how many gradients it
   * averages. The default is for one-to-one transformations.
   */
  default PreAggregation preAggregate(float[][] gradients) {
    float[][] rows = apply(gradients);
    return PreAggregation.oneToOne(rows);
  }

  /** The number of rows {@link #apply} returns for n inputs. */
  default int outputCount(int n) {
    return n;
  }

  /**
   * Throws {@link IllegalArgumentException}, naming both numbers, when n inputs do not satisfy the
   * pre-aggregator's precondition.
   */
  default void checkFeasible(int n) {
    Feasibility.atLeastOne(n);
  }

  /** Forgets state carried between calls (only {@link Bucketing} has some: its step counter). */
  default void reset() {}

  /**
   * A copy of the state carried from one call to the next (bucketing's call counter), for
   * checkpoints; {@link CarriedState#NONE} when there is none.
   */
  default CarriedState state() {
    return CarriedState.NONE;
  }

  /** Continues from {@code state}, a {@link #state()} of an instance built alike. */
  default void restore(CarriedState state) {}
}
