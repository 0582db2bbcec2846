package org.ftsim.data;

/**
 * A dataset's training and test parts, and the validation set held out of the training set.
 *
 * @param train what the workers are dealt
 * @param test the test set
 * @param validation the held-out part of the training set ({@code --validation}), or null
 */
public record TrainTest(Dataset train, Dataset test, Dataset validation) {

  /** Without a validation set. */
  public TrainTest(Dataset train, Dataset test) {
    this(train, test, null);
  }
}
