package org.ftsim.spark;

import org.ftsim.data.Dataset;
import org.ftsim.model.Batch;

/** Builds the features and labels of a minibatch from dataset indices. */
final class Batches {

  private Batches() {}

  /** The minibatch of {@code indices}, labels as {@link #labels}. */
  static Batch of(Dataset data, int[] indices, boolean flip) {
    return new Batch(features(data, indices), labels(data, indices, flip), indices.length);
  }

  /** Features of {@code indices}, row-major [b, d]. */
  static float[] features(Dataset data, int[] indices) {
    int d = data.features().dimension();
    float[] x = new float[indices.length * d];
    for (int i = 0; i < indices.length; i++) {
      data.features().copy(indices[i], x, i * d);
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
