package org.ftsim.data;

import org.ftsim.base.Seeds;

/**
 * The server's trusted root samples ({@code --root-samples N}, which {@code -df fltrust} scores the
 * reports against): N distinct samples of the training set, drawn by a seeded Fisher–Yates shuffle
 * of its indices (the first N), returned in ascending order. They stay in the training set: the
 * workers are dealt exactly what they are dealt without them, as FLTrust's authors sample the root
 * dataset from the clients' training data.
 */
public final class RootSet {

  private RootSet() {}

  /**
   * The indices of the {@code count} root samples of a training set of {@code size}, ascending.
   *
   * @throws IllegalArgumentException unless 1 ≤ count ≤ size
   */
  public static int[] draw(int size, int count, long seed) {
    if (count < 1 || count > size) {
      throw new IllegalArgumentException(
          "needs between 1 and the " + size + " samples of the training set; got " + count);
    }
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = i;
    }
    BatchPlan.shuffle(order, Seeds.random(seed, Seeds.ROOT));
    int[] drawn = java.util.Arrays.copyOf(order, count);
    java.util.Arrays.sort(drawn);
    return drawn;
  }
}
