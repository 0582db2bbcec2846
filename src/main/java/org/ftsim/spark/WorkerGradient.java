package org.ftsim.spark;

import java.io.Serializable;

/**
 * What one worker computed at one step: the gradient of its mean loss over its sub-batch.
 *
 * @param worker the worker's index
 * @param gradient ∇ of the mean loss, flat, in the network's parameter order, as little-endian
 *     float32 bytes: Java serialization writes a byte[] in one copy but a float[] value by value,
 *     which cost more than the gradient itself for the MLP
 * @param loss the mean loss over the sub-batch
 * @param batch the sub-batch size
 * @param partition the Spark partition that computed it
 * @param nanos time spent computing it, building the batch included: an equal share of the time of
 *     the batched pass that computed it with the other workers of its group
 * @param clean for a worker that trained on flipped labels and was asked for its truth, the
 *     gradient on the true labels of the same sub-batch (same encoding); otherwise null
 * @param statistics for a network with batch normalisation, its batch's statistics at the state
 *     positions ({@link org.ftsim.model.Network#batchStatistics()}, same encoding); otherwise null
 */
public record WorkerGradient(
    int worker,
    byte[] gradient,
    double loss,
    int batch,
    int partition,
    long nanos,
    byte[] clean,
    byte[] statistics)
    implements Serializable {

  /** The gradient as floats. */
  public float[] values() {
    return FloatBytes.decode(gradient);
  }

  /** The batch statistics as floats, or null. */
  public float[] statisticsValues() {
    return statistics == null ? null : FloatBytes.decode(statistics);
  }

  /** The gradient on the true labels: {@link #clean} if it was computed, else the gradient. */
  public float[] cleanValues() {
    return clean == null ? values() : FloatBytes.decode(clean);
  }
}
