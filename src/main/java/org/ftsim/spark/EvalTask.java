package org.ftsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.broadcast.Broadcast;
import org.ftsim.data.Dataset;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;

/** Evaluates fixed chunks of the test set at the broadcast parameters. */
final class EvalTask extends PartitionTask<EvalChunk> {

  private static final long serialVersionUID = 1L;

  private final ModelSpec model;
  private final Broadcast<Dataset> test;
  private final JobParameters params;
  private final long version;
  private final int chunkSize;

  EvalTask(
      ModelSpec model, Broadcast<Dataset> test, JobParameters params, long version, int chunkSize) {
    this.model = model;
    this.test = test;
    this.params = params;
    this.version = version;
    this.chunkSize = chunkSize;
  }

  @Override
  List<EvalChunk> run(int partition, List<Integer> chunks) {
    NetworkCache.Entry entry = NetworkCache.get(model);
    params.loadInto(entry, version);
    Dataset data = test.value();
    List<EvalChunk> out = new ArrayList<>();
    for (int chunk : chunks) {
      int from = chunk * chunkSize;
      int to = Math.min(data.size(), from + chunkSize);
      int[] indices = new int[to - from];
      for (int i = 0; i < indices.length; i++) {
        indices[i] = from + i;
      }
      float[] y = outputs(entry.network, data, indices);
      int width = y.length / indices.length;
      long correct = 0;
      double loss = 0;
      for (int i = 0; i < indices.length; i++) {
        int row = i * width;
        if (data.isClassification()) {
          int label = data.label(indices[i]);
          int best = 0;
          for (int c = 1; c < width; c++) {
            if (y[row + c] > y[row + best]) {
              best = c;
            }
          }
          correct += best == label ? 1 : 0;
          loss -= Math.log(Math.max(y[row + label], Float.MIN_NORMAL));
        } else {
          double e = y[row] - data.targets()[indices[i]];
          loss += e * e;
        }
      }
      out.add(new EvalChunk(chunk, indices.length, correct, loss));
    }
    return out;
  }

  /**
   * Floats of input per forward pass of an evaluation: a chunk of large images (a ResNet's 224 ×
   * 224) is evaluated a few rows at a time, whose activations fit in memory; the datasets' own
   * sizes (MNIST, CIFAR) take a whole chunk at once, as before.
   */
  static final int INPUT_BUDGET = 1 << 22;

  /**
   * Floats of activations per forward pass (32 MB): a chunk through a network with wide
   * convolutions (the bucketing code's MNIST CNN: 68 k activation floats per image, and DL4J's
   * im2col buffers several times that) goes a few dozen rows at a time, so that evaluating on both
   * cores does not take gigabytes. A dense network's chunk of MNIST still goes whole.
   */
  static final long ACTIVATION_BUDGET = 1L << 23;

  /**
   * The rows per forward pass for {@code network}: the chunk's, unless the input or the activations
   * budget says fewer. Fixed per network, so the totals never depend on partitioning.
   */
  static int rowsPerPass(Network network, int inputSize, int chunk) {
    long rows = Math.min(chunk, INPUT_BUDGET / inputSize);
    long activations = network.activationsPerSample(inputSize);
    if (activations > 0) {
      rows = Math.min(rows, ACTIVATION_BUDGET / activations);
    }
    return (int) Math.max(1, rows);
  }

  /** The network's outputs for {@code indices}, row-major, in passes of at most the budget. */
  private float[] outputs(Network network, Dataset data, int[] indices) {
    int rows = Math.min(indices.length, rowsPerPass(network, model.input().size(), chunkSize));
    if (rows == indices.length) {
      return network.output(Batches.features(data, indices, model.input()), indices.length);
    }
    float[] y = null;
    for (int from = 0; from < indices.length; from += rows) {
      int[] part =
          java.util.Arrays.copyOfRange(indices, from, Math.min(indices.length, from + rows));
      float[] p = network.output(Batches.features(data, part, model.input()), part.length);
      if (y == null) {
        y = new float[p.length / part.length * indices.length];
      }
      System.arraycopy(p, 0, y, from * (p.length / part.length), p.length);
    }
    return y;
  }
}
