package org.ftsim.aggregation;

/**
 * The result of one aggregation.
 *
 * @param gradient the aggregate, of length d
 * @param kept k, the number of input gradients the rule kept; the update scales the learning rate
 *     by sqrt(k)
 * @param used for each input row, whether it entered the aggregate
 */
public record Aggregation(float[] gradient, int kept, boolean[] used) {

  /** An aggregation that used every one of {@code n} rows. */
  public static Aggregation ofAll(float[] gradient, int n) {
    boolean[] used = new boolean[n];
    java.util.Arrays.fill(used, true);
    return new Aggregation(gradient, n, used);
  }
}
