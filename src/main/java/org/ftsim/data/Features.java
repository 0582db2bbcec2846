package org.ftsim.data;

import java.io.Serializable;

/**
 * The inputs of a dataset, stored compactly and normalised when a batch is built. Sample i is a
 * flat vector of {@link #dimension()} values (images channel-major: c, h, w).
 */
public sealed interface Features extends Serializable permits Features.Bytes, Features.Floats {

  /** The number of samples. */
  int size();

  /** The length of one sample's vector. */
  int dimension();

  /** Writes sample {@code index}, normalised, to {@code dst} starting at {@code offset}. */
  void copy(int index, float[] dst, int offset);

  /** The samples {@code indices}, in that order, as a new features object. */
  Features subset(int[] indices);

  /**
   * Unsigned 8-bit pixels, normalised per channel as (x/255 − mean[c]) / std[c].
   *
   * @param pixels size × dimension bytes, sample-major
   * @param dimension values per sample
   * @param mean per-channel mean, of length channels
   * @param std per-channel standard deviation, of length channels
   */
  record Bytes(byte[] pixels, int dimension, float[] mean, float[] std) implements Features {

    public Bytes {
      if (pixels.length % dimension != 0
          || dimension % mean.length != 0
          || mean.length != std.length) {
        throw new IllegalArgumentException("inconsistent image features");
      }
    }

    @Override
    public int size() {
      return pixels.length / dimension;
    }

    @Override
    public void copy(int index, float[] dst, int offset) {
      int plane = dimension / mean.length;
      int base = index * dimension;
      for (int c = 0, j = 0; c < mean.length; c++) {
        float scale = 1f / (255f * std[c]);
        float shift = mean[c] / std[c];
        for (int p = 0; p < plane; p++, j++) {
          dst[offset + j] = (pixels[base + j] & 0xFF) * scale - shift;
        }
      }
    }

    @Override
    public Features subset(int[] indices) {
      byte[] out = new byte[indices.length * dimension];
      for (int i = 0; i < indices.length; i++) {
        System.arraycopy(pixels, indices[i] * dimension, out, i * dimension, dimension);
      }
      return new Bytes(out, dimension, mean, std);
    }

    /** The same pixels normalised with {@code mean} and {@code std} (one value per channel). */
    public Bytes normalised(float[] mean, float[] std) {
      return new Bytes(pixels, dimension, mean, std);
    }
  }

  /** Real-valued features, used as they are. */
  record Floats(float[] values, int dimension) implements Features {

    public Floats {
      if (values.length % dimension != 0) {
        throw new IllegalArgumentException("feature array is not a multiple of the dimension");
      }
    }

    @Override
    public int size() {
      return values.length / dimension;
    }

    @Override
    public void copy(int index, float[] dst, int offset) {
      System.arraycopy(values, index * dimension, dst, offset, dimension);
    }

    @Override
    public Features subset(int[] indices) {
      float[] out = new float[indices.length * dimension];
      for (int i = 0; i < indices.length; i++) {
        System.arraycopy(values, indices[i] * dimension, out, i * dimension, dimension);
      }
      return new Floats(out, dimension);
    }
  }
}
