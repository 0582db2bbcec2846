package org.ftsim.data;

/**
 * How the training set is dealt to the workers ({@code --partition}): IID batches, or fixed
 * per-worker pools with label skew for heterogeneous (non-IID) experiments. Implementations are
 * immutable; {@link #toString()} gives the spec they were parsed from.
 */
public interface Partitioner {

  /**
   * The plan of which samples each of {@code workers} workers computes on at each step; a pure
   * function of its arguments. Throws {@link IllegalArgumentException} when the partition cannot be
   * dealt (e.g. a worker would hold fewer samples than its sub-batch).
   */
  BatchPlan plan(Dataset train, int globalBatch, int workers, long seed);

  /** Whether the partition deals by label (and so needs a classification dataset). */
  boolean needsLabels();
}
