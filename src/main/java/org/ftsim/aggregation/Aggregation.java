package org.ftsim.aggregation;

import java.util.Arrays;

/**
 * The result of one aggregation.
 *
 * @param gradient the aggregate, of length d
 * @param kept k, the number of input gradients the rule kept; the update scales the learning rate
 *     by sqrt(k)
 * @param used for each input row, whether it entered the aggregate
 * @param discarded for each input row, the share of it the rule discarded, in [0, 1] (the {@code
 *     workers} table's {@code rule_suspicion}): a selection rule's 1 for a row left out and 0 for
 *     one kept; a coordinate-wise rule's share of the d coordinates in which the row lay outside
 *     the kept values; a clipping rule's 1 − the factor it scaled the row by; a weighting rule's 1
 *     − w_i / max_j w_j. A row not used is discarded whole (1)
 * @param scores for each input row, the rule's own raw score of it (larger: more suspect; e.g. the
 *     Krum score, the distance to the geometric median), or null when the rule computes none
 */
public record Aggregation(
    float[] gradient, int kept, boolean[] used, double[] discarded, double[] scores) {

  public Aggregation {
    if (discarded.length != used.length || (scores != null && scores.length != used.length)) {
      throw new IllegalArgumentException(
          "one discarded share and score per row; got "
              + used.length
              + " rows, "
              + discarded.length
              + " shares, "
              + (scores == null ? "no" : String.valueOf(scores.length))
              + " scores");
    }
  }

  /**
   * A selection rule's aggregation: each row kept whole (discarded 0) or left out (1), no score.
   */
  public Aggregation(float[] gradient, int kept, boolean[] used) {
    this(gradient, kept, used, selection(used), null);
  }

  /** This aggregation with the rule's own score of every row. */
  Aggregation withScores(double[] rowScores) {
    return new Aggregation(gradient, kept, used, discarded, rowScores);
  }

  /** A selection rule's aggregation with its score of every row. */
  static Aggregation selected(float[] gradient, int kept, boolean[] used, double[] scores) {
    return new Aggregation(gradient, kept, used, selection(used), scores);
  }

  /** An aggregation that used every one of {@code n} rows whole (O(n): the mean's path). */
  public static Aggregation ofAll(float[] gradient, int n) {
    boolean[] used = new boolean[n];
    Arrays.fill(used, true);
    return new Aggregation(gradient, n, used, new double[n], null);
  }

  /**
   * A weighting rule's aggregation: row i discarded 1 − w_i / max_j w_j (1 for weight 0), used
   * while its weight is positive.
   */
  static Aggregation weighted(float[] gradient, int kept, double[] weights, double[] scores) {
    int n = weights.length;
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      used[i] = weights[i] > 0;
    }
    return new Aggregation(gradient, kept, used, discardedByWeight(weights), scores);
  }

  /** A weighting rule's discarded shares: 1 − w_i / max_j w_j, 1 for weight 0. */
  static double[] discardedByWeight(double[] weights) {
    double max = 0;
    for (double w : weights) {
      max = Math.max(max, w);
    }
    double[] discarded = new double[weights.length];
    for (int i = 0; i < weights.length; i++) {
      discarded[i] = weights[i] > 0 ? 1 - weights[i] / max : 1;
    }
    return discarded;
  }

  /**
   * A clipping rule's aggregation: row i scaled by {@code factors[i]} in [0, 1] (0: left out),
   * discarded 1 − factor.
   */
  static Aggregation clipped(float[] gradient, int kept, double[] factors, double[] scores) {
    int n = factors.length;
    boolean[] used = new boolean[n];
    double[] discarded = new double[n];
    for (int i = 0; i < n; i++) {
      used[i] = factors[i] > 0;
      discarded[i] = 1 - Math.min(1, Math.max(0, factors[i]));
    }
    return new Aggregation(gradient, kept, used, discarded, scores);
  }

  static double[] selection(boolean[] used) {
    double[] d = new double[used.length];
    for (int i = 0; i < used.length; i++) {
      d[i] = used[i] ? 0 : 1;
    }
    return d;
  }
}
