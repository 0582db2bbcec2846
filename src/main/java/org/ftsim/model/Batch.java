package org.ftsim.model;

/**
 * A minibatch of b examples, row-major: b × d features and b × k labels (one-hot classes, or
 * regression targets).
 *
 * @param features the inputs, b·d values
 * @param labels the targets, b·k values
 * @param size b, at least 1
 */
public record Batch(float[] features, float[] labels, int size) {

  public Batch {
    if (size < 1 || features.length % size != 0 || labels.length % size != 0) {
      throw new IllegalArgumentException(
          "a batch of "
              + size
              + " rows needs features and labels with a multiple of "
              + size
              + " values; got "
              + features.length
              + " and "
              + labels.length);
    }
  }
}
