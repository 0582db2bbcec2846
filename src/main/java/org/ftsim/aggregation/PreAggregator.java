package org.ftsim.aggregation;

/**
 * A transformation of the reported gradients applied before the aggregation rule (clipping,
 * nearest-neighbour mixing, bucketing, ...). It returns new rows and never modifies its input; the
 * number of rows returned may differ from the number given (bucketing).
 */
public interface PreAggregator {

  /** Returns the transformed rows. */
  float[][] apply(float[][] gradients);
}
