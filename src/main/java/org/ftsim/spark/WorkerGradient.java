package org.ftsim.spark;

import java.io.Serializable;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

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
 * @param nanos time spent computing it, building the batch included
 */
public record WorkerGradient(
    int worker, byte[] gradient, double loss, int batch, int partition, long nanos)
    implements Serializable {

  /** Encodes a native float buffer (e.g. an ND4J array's) as little-endian bytes, in one copy. */
  static byte[] encode(FloatBuffer values) {
    FloatBuffer source = values.duplicate();
    source.clear();
    byte[] bytes = new byte[source.remaining() * Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(source);
    return bytes;
  }

  /** The gradient as floats. */
  public float[] values() {
    float[] out = new float[gradient.length / Float.BYTES];
    ByteBuffer.wrap(gradient).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }
}
