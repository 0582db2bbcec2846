package org.ftsim.spark;

import org.ftsim.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Builds the feature and label arrays of a minibatch from dataset indices. */
final class Batches {

  private Batches() {}

  /** Features of {@code indices}, shape [b, d]. */
  static INDArray features(Dataset data, int[] indices) {
    int d = data.features().dimension();
    float[] x = new float[indices.length * d];
    for (int i = 0; i < indices.length; i++) {
      data.features().copy(indices[i], x, i * d);
    }
    return Nd4j.create(x, new long[] {indices.length, d}, 'c');
  }

  /**
   * Labels of {@code indices}: one-hot [b, C] for classification, with class y replaced by C − 1 −
   * y when {@code flip}; [b, 1] targets for regression.
   */
  static INDArray labels(Dataset data, int[] indices, boolean flip) {
    int b = indices.length;
    if (!data.isClassification()) {
      float[] y = new float[b];
      for (int i = 0; i < b; i++) {
        y[i] = data.targets()[indices[i]];
      }
      return Nd4j.create(y, new long[] {b, 1}, 'c');
    }
    int classes = data.classes();
    float[] y = new float[b * classes];
    for (int i = 0; i < b; i++) {
      int label = data.label(indices[i]);
      y[i * classes + (flip ? classes - 1 - label : label)] = 1f;
    }
    return Nd4j.create(y, new long[] {b, classes}, 'c');
  }
}
