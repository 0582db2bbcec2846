package org.ftsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.model.ModelSpec;

/**
 * The work of one partition at one step: for each worker it hosts, the gradient of the mean loss
 * over that worker's sub-batch at the broadcast parameters. Depends only on (parameters, seed,
 * epoch, step, worker), dropout masks included, so a retried task returns the same bytes.
 */
final class GradientTask extends PartitionTask<WorkerGradient> {

  private static final long serialVersionUID = 1L;

  private final ModelSpec model;
  private final Broadcast<Dataset> train;
  private final Broadcast<BatchPlan> plan;
  private final Broadcast<byte[]> params;
  private final long version;
  private final int epoch;
  private final int step;
  private final boolean[] flipLabels;
  private final int[] batchOwner;
  private final boolean[] cleanToo;
  private final boolean ownersDraws;

  GradientTask(
      ModelSpec model,
      Broadcast<Dataset> train,
      Broadcast<BatchPlan> plan,
      Broadcast<byte[]> params,
      long version,
      int epoch,
      int step,
      boolean[] flipLabels,
      int[] batchOwner,
      boolean[] cleanToo,
      boolean ownersDraws) {
    this.model = model;
    this.train = train;
    this.plan = plan;
    this.params = params;
    this.version = version;
    this.epoch = epoch;
    this.step = step;
    this.flipLabels = flipLabels;
    this.batchOwner = batchOwner;
    this.cleanToo = cleanToo;
    this.ownersDraws = ownersDraws;
  }

  @Override
  List<WorkerGradient> run(int partition, List<Integer> workers) {
    NetworkCache.Entry entry = NetworkCache.get(model);
    entry.load(params.value(), version);
    Dataset data = train.value();
    BatchPlan batches = plan.value();
    List<WorkerGradient> out = new ArrayList<>();
    for (int w : workers) {
      long start = System.nanoTime();
      // In a replica step a faulty worker recomputes a healthy worker's sub-batch through its own
      // forward pass: the owner's samples, the worker's own dropout masks (as the prototype's). A
      // redundant copy draws the owner's masks, so that honest copies are equal bit for bit.
      int owner = batchOwner == null ? w : batchOwner[w];
      int[] indices = batches.subBatch(epoch, step, owner);
      long seed = batches.randomSeed(epoch, step, ownersDraws ? owner : w);
      Gradients.Result r =
          Gradients.compute(
              entry.network, entry.scratch, data, model.input(), indices, flipLabels[w], seed);
      // Batch normalisation's statistics of this batch, for the driver's running statistics.
      byte[] statistics =
          entry.hasState ? FloatBytes.encode(entry.network.batchStatistics()) : null;
      // The truth of a label-flipping worker: the same sub-batch and dropout, true labels.
      byte[] clean =
          flipLabels[w] && cleanToo != null && cleanToo[w]
              ? Gradients.compute(
                      entry.network, entry.scratch, data, model.input(), indices, false, seed)
                  .gradient()
              : null;
      out.add(
          new WorkerGradient(
              w,
              r.gradient(),
              r.loss(),
              indices.length,
              partition,
              System.nanoTime() - start,
              clean,
              statistics));
    }
    return out;
  }
}
