package org.ftsim.data;

import org.ftsim.base.Seeds;

/**
 * A validation set held out of the training set ({@code --validation}), as ByzFL's benchmark keeps
 * 20 % of it ({@code size_train_set} 0.8, {@code random_split}): the training set is permuted by a
 * seeded Fisher–Yates shuffle; its first ⌊(1 − fraction)·N⌋ samples, in their original order, are
 * trained on and the others, in their original order, are the validation set. The two are disjoint
 * and cover the training set.
 */
public final class Holdout {

  private Holdout() {}

  /**
   * {@code data} with {@code fraction} of its training set held out as its validation set; {@code
   * data} itself for fraction 0.
   *
   * @param fraction in [0, 1)
   * @throws IllegalArgumentException when either part would be empty
   */
  public static TrainTest split(TrainTest data, double fraction, long seed) {
    if (fraction == 0) {
      return data;
    }
    int n = data.train().size();
    int kept = (int) ((1 - fraction) * n);
    if (kept < 1 || kept == n) {
      throw new IllegalArgumentException(
          "holding out " + fraction + " of " + n + " samples leaves an empty part");
    }
    boolean[] train = trainedOn(n, kept, seed);
    int[] trained = new int[kept];
    int[] held = new int[n - kept];
    for (int i = 0, a = 0, b = 0; i < n; i++) {
      if (train[i]) {
        trained[a++] = i;
      } else {
        held[b++] = i;
      }
    }
    return new TrainTest(data.train().subset(trained), data.test(), data.train().subset(held));
  }

  /** Per sample of a training set of {@code n}, whether it is among the {@code kept} trained on. */
  static boolean[] trainedOn(int n, int kept, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    BatchPlan.shuffle(order, Seeds.random(seed, Seeds.VALIDATION));
    boolean[] train = new boolean[n];
    for (int i = 0; i < kept; i++) {
      train[order[i]] = true;
    }
    return train;
  }
}
