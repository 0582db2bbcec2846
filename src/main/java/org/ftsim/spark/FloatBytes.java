package org.ftsim.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.nd4j.linalg.api.buffer.DataBuffer;

/**
 * Float vectors as little-endian bytes, the form in which parameters and gradients cross Spark:
 * Java serialization writes a byte[] in one copy but a float[] value by value, which for the MLP
 * cost more than computing the gradient. On little-endian machines every conversion here is a
 * single memory copy.
 */
final class FloatBytes {

  private FloatBytes() {}

  /** {@code values} as little-endian bytes. */
  static byte[] encode(float[] values) {
    byte[] bytes = new byte[values.length * Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    return bytes;
  }

  /** The floats of little-endian {@code bytes}. */
  static float[] decode(byte[] bytes) {
    float[] values = new float[bytes.length / Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }

  /** The whole of a native FLOAT buffer (an ND4J array's storage) as little-endian bytes. */
  static byte[] read(DataBuffer buffer) {
    byte[] bytes = new byte[Math.toIntExact(buffer.length() * Float.BYTES)];
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      ByteBuffer source = buffer.asNio();
      source.clear();
      source.get(bytes);
    } else {
      ByteBuffer.wrap(bytes)
          .order(ByteOrder.LITTLE_ENDIAN)
          .asFloatBuffer()
          .put(buffer.asNioFloat());
    }
    return bytes;
  }

  /** Overwrites the whole of a native FLOAT buffer with little-endian {@code bytes}. */
  static void write(byte[] bytes, DataBuffer buffer) {
    if (buffer.length() * Float.BYTES != bytes.length) {
      throw new IllegalArgumentException(
          "a vector of "
              + bytes.length / Float.BYTES
              + " floats for a buffer of "
              + buffer.length());
    }
    if (ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN) {
      ByteBuffer target = buffer.asNio();
      target.clear();
      target.put(bytes);
    } else {
      buffer
          .asNioFloat()
          .put(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer());
    }
  }
}
