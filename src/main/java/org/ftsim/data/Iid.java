package org.ftsim.data;

/**
 * The prototype's IID batches ({@code --partition iid}): a fresh seeded shuffle of the whole
 * training set every epoch, cut into global batches and split into contiguous sub-batches.
 */
public final class Iid implements Partitioner {

  @Override
  public BatchPlan plan(Dataset train, int globalBatch, int workers, long seed) {
    return new BatchPlan(train.size(), globalBatch, workers, seed);
  }

  @Override
  public boolean needsLabels() {
    return false;
  }

  @Override
  public String toString() {
    return "iid";
  }
}
