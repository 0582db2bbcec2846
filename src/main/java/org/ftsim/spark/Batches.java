package org.ftsim.spark;

import org.ftsim.data.Dataset;
import org.ftsim.data.InputShape;
import org.ftsim.data.Resize;
import org.ftsim.model.Batch;

/** Builds the features and labels of a minibatch from dataset indices. */
final class Batches {

  private Batches() {}

  /** The minibatch of {@code indices}, labels as {@link #labels}. */
  static Batch of(Dataset data, int[] indices, boolean flip) {
    return of(data, indices, flip, data.shape());
  }

  /** The minibatch of {@code indices}, images resized to {@code input} ({@code --resize}). */
  static Batch of(Dataset data, int[] indices, boolean flip, InputShape input) {
    return new Batch(features(data, indices, input), labels(data, indices, flip), indices.length);
  }

  /** Features of {@code indices}, row-major [b, d]. */
  static float[] features(Dataset data, int[] indices) {
    return features(data, indices, data.shape());
  }

  /**
   * Features of {@code indices} as inputs of shape {@code input}: row-major [b, input.size()], each
   * image resized bilinearly when {@code input} is not the dataset's own shape.
   */
  static float[] features(Dataset data, int[] indices, InputShape input) {
    int d = data.features().dimension();
    if (input.equals(data.shape())) {
      float[] x = new float[indices.length * d];
      for (int i = 0; i < indices.length; i++) {
        data.features().copy(indices[i], x, i * d);
      }
      return x;
    }
    float[] sample = new float[d];
    float[] x = new float[indices.length * input.size()];
    for (int i = 0; i < indices.length; i++) {
      data.features().copy(indices[i], sample, 0);
      Resize.bilinear(sample, data.shape(), input, x, i * input.size());
    }
    return x;
  }

  /**
   * Labels of {@code indices}: one-hot [b, C] for classification, with class y replaced by C − 1 −
   * y when {@code flip}; [b, 1] targets for regression.
   */
  static float[] labels(Dataset data, int[] indices, boolean flip) {
    int b = indices.length;
    if (!data.isClassification()) {
      float[] y = new float[b];
      for (int i = 0; i < b; i++) {
        y[i] = data.targets()[indices[i]];
      }
      return y;
    }
    int classes = data.classes();
    float[] y = new float[b * classes];
    for (int i = 0; i < b; i++) {
      int label = data.label(indices[i]);
      y[i * classes + (flip ? classes - 1 - label : label)] = 1f;
    }
    return y;
  }
}
