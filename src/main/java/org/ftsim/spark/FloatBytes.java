package org.ftsim.spark;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * Float vectors as little-endian bytes, the form in which parameters and gradients cross Spark:
 * Java serialization writes a byte[] in one copy but a float[] value by value, which for the MLP
 * cost more than computing the gradient. On little-endian machines each conversion is a single
 * memory copy.
 */
final class FloatBytes {

  private FloatBytes() {}

  /** {@code values} as little-endian bytes. */
  static byte[] encode(float[] values) {
    byte[] bytes = new byte[values.length * Float.BYTES];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().put(values);
    return bytes;
  }

  /** A float view of little-endian {@code bytes}, positioned at 0: writes land in the bytes. */
  static FloatBuffer view(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer();
  }

  /** The floats of little-endian {@code bytes}. */
  static float[] decode(byte[] bytes) {
    return decode(bytes, new float[bytes.length / Float.BYTES]);
  }

  /** Writes the floats of little-endian {@code bytes} into {@code values}, of their length. */
  static float[] decode(byte[] bytes, float[] values) {
    if (values.length * Float.BYTES != bytes.length) {
      throw new IllegalArgumentException(
          bytes.length / Float.BYTES + " floats for an array of " + values.length);
    }
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
    return values;
  }
}
