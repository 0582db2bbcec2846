package org.ftsim.data;

import java.io.Serializable;

/**
 * A labelled set of samples: features and either class labels (classification) or real targets
 * (regression, one output).
 *
 * @param name the dataset's name, e.g. {@code mnist}
 * @param features the inputs
 * @param labels class of each sample, or {@code null} for regression
 * @param targets target of each sample for regression, or {@code null}
 * @param classes the number of classes, 0 for regression
 * @param shape the input shape (channels, height, width); (1, 1, dimension) for flat data
 */
public record Dataset(
    String name, Features features, byte[] labels, float[] targets, int classes, InputShape shape)
    implements Serializable {

  public Dataset {
    int n = features.size();
    if (labels != null ? labels.length != n : targets == null || targets.length != n) {
      throw new IllegalArgumentException(
          name + ": " + n + " samples but a different number of labels");
    }
  }

  /** The number of samples. */
  public int size() {
    return features.size();
  }

  /** Whether this is a classification set. */
  public boolean isClassification() {
    return labels != null;
  }

  /** A dataset's shape and number of classes (0: regression), known before it is loaded. */
  public record Info(InputShape shape, int classes) implements Serializable {}

  /** The samples {@code indices}, in that order, as a new dataset of the same name and shape. */
  public Dataset subset(int[] indices) {
    byte[] l = null;
    float[] t = null;
    if (labels != null) {
      l = new byte[indices.length];
      for (int i = 0; i < indices.length; i++) {
        l[i] = labels[indices[i]];
      }
    } else {
      t = new float[indices.length];
      for (int i = 0; i < indices.length; i++) {
        t[i] = targets[indices[i]];
      }
    }
    return new Dataset(name, features.subset(indices), l, t, classes, shape);
  }

  /** This dataset with its features replaced by {@code other} (as many samples). */
  public Dataset withFeatures(Features other) {
    return new Dataset(name, other, labels, targets, classes, shape);
  }

  /** The class of sample {@code i}. */
  public int label(int i) {
    return labels[i] & 0xFF;
  }
}
