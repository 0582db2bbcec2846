package org.ftsim.spark;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.model.Batch;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;

/**
 * The work of one partition at one step: for each worker it hosts, the gradient of the mean loss
 * over that worker's sub-batch at the broadcast parameters. Depends only on (parameters, seed,
 * epoch, step, worker), dropout masks included, so a retried task returns the same bytes.
 */
final class GradientTask extends PartitionTask<WorkerGradient> {

  private static final long serialVersionUID = 1L;

  /**
   * At most this many workers per batched pass: bounds the gradient vectors a task holds at once
   * (the bits do not depend on the grouping).
   */
  static final int GROUP = 16;

  private final ModelSpec model;
  private final Broadcast<Dataset> train;
  private final Broadcast<BatchPlan> plan;
  private final JobParameters params;
  private final long version;
  private final int epoch;
  private final int step;
  private final boolean[] flipLabels;
  private final int[] batchOwner;
  private final boolean[] cleanToo;
  private final boolean ownersDraws;

  /**
   * Where the gradients go as floats when the task runs inline ({@link InlineTasks}): row w is
   * worker w's, written straight from the network's buffer, and the results carry no bytes. Null:
   * as bytes in the results (a Spark task).
   */
  private transient float[][] target;

  GradientTask(
      ModelSpec model,
      Broadcast<Dataset> train,
      Broadcast<BatchPlan> plan,
      JobParameters params,
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

  /** Writes the gradients into {@code honest} rather than into the results (inline tasks only). */
  GradientTask into(float[][] honest) {
    this.target = honest;
    return this;
  }

  @Override
  List<WorkerGradient> run(int partition, List<Integer> workers) {
    NetworkCache.Entry entry = NetworkCache.get(model);
    params.loadInto(entry, version);
    // Batch normalisation's statistics are read after each worker's own pass; a network that
    // computes one batch at a time needs no more than one gradient vector at a time.
    int group = entry.network.batches() ? GROUP : 1;
    List<WorkerGradient> out = new ArrayList<>();
    List<Integer> pending = new ArrayList<>();
    for (int w : workers) {
      int owner = batchOwner == null ? w : batchOwner[w];
      if (plan.value().subBatchLength(step, owner) == 0) {
        // A worker dealt no data (--byzantine-data none) computes nothing: a zero row, no loss.
        out.addAll(compute(partition, entry, pending));
        pending.clear();
        byte[] zero = null;
        if (target != null) {
          target[w] = new float[entry.network.size()];
        } else {
          zero = new byte[entry.network.size() * Float.BYTES];
        }
        out.add(new WorkerGradient(w, zero, 0, 0, partition, 0, null, null));
        continue;
      }
      pending.add(w);
      if (pending.size() == group) {
        out.addAll(compute(partition, entry, pending));
        pending.clear();
      }
    }
    out.addAll(compute(partition, entry, pending));
    return out;
  }

  /**
   * The gradients of {@code workers} through one {@link Network#gradients} call (one batched pass
   * for a stack of dense layers: the same bits as one worker at a time, see {@code DenseStack}),
   * each worker's own sub-batch, labels and random seed; the partition's time shared equally.
   */
  private List<WorkerGradient> compute(
      int partition, NetworkCache.Entry entry, List<Integer> workers) {
    if (workers.isEmpty()) {
      return List.of();
    }
    long start = System.nanoTime();
    Dataset data = train.value();
    BatchPlan batches = plan.value();
    Network net = entry.network;
    int count = workers.size();
    Batch[] batch = new Batch[count];
    long[] seeds = new long[count];
    int[][] indices = new int[count][];
    for (int i = 0; i < count; i++) {
      int w = workers.get(i);
      // In a replica step a faulty worker recomputes a healthy worker's sub-batch through its own
      // forward pass: the owner's samples, the worker's own dropout masks (as the prototype's). A
      // redundant copy draws the owner's masks, so that honest copies are equal bit for bit.
      int owner = batchOwner == null ? w : batchOwner[w];
      indices[i] = batches.subBatch(epoch, step, owner);
      seeds[i] = batches.randomSeed(epoch, step, ownersDraws ? owner : w);
      batch[i] = Batches.of(data, indices[i], flipLabels[w], model.input());
    }
    // Written straight into the bytes that carry them: one copy out of the network's buffer.
    byte[][] gradients = new byte[count][];
    FloatBuffer[] into = new FloatBuffer[count];
    for (int i = 0; i < count; i++) {
      if (target != null) {
        float[] floats = new float[net.size()];
        target[workers.get(i)] = floats;
        into[i] = FloatBuffer.wrap(floats);
      } else {
        gradients[i] = new byte[net.size() * Float.BYTES];
        into[i] = FloatBytes.view(gradients[i]);
      }
    }
    double[] losses;
    if (net.batches()) {
      losses = net.gradients(batch, seeds, into);
    } else {
      // One at a time through the cached vector (a ResNet's is 45 MB: never one per call).
      losses = new double[count];
      for (int i = 0; i < count; i++) {
        losses[i] = net.gradient(batch[i], seeds[i], entry.scratch);
        into[i].put(entry.scratch);
      }
    }
    // Batch normalisation's statistics of this batch (one worker here), for the driver.
    byte[] statistics = entry.hasState ? FloatBytes.encode(net.batchStatistics()) : null;
    byte[][] clean = new byte[count][];
    for (int i = 0; i < count; i++) {
      int w = workers.get(i);
      // The truth of a label-flipping worker: the same sub-batch and dropout, true labels.
      if (flipLabels[w] && cleanToo != null && cleanToo[w]) {
        clean[i] =
            Gradients.compute(net, entry.scratch, data, model.input(), indices[i], false, seeds[i])
                .gradient();
      }
    }
    long share = (System.nanoTime() - start) / count;
    List<WorkerGradient> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(
          new WorkerGradient(
              workers.get(i),
              gradients[i],
              losses[i],
              indices[i].length,
              partition,
              share,
              clean[i],
              statistics));
    }
    return out;
  }
}
