package org.ftsim.aggregation;

import java.util.Arrays;

/**
 * Krum: the input with the smallest score, where score(i) = Σ_{i→j} ‖x_i − x_j‖² sums over the n −
 * f − 2 inputs closest to x_i (itself excluded).
 *
 * <p>Precondition n > 2f + 2. k = 1, and the row used is the one returned; every row's score is
 * reported (the rule's {@link Aggregation#scores}). Equal scores (a pair of mutual nearest
 * neighbours ties whenever n − f − 2 = 1) are broken by the sum of squared distances to all other
 * inputs, then by the lower index, so that the choice does not depend on worker order. A non-finite
 * row is infinitely far from every other, so its score is +∞ and it is chosen only if every row is
 * non-finite. Distances come from {@link PairwiseDistances} (Gram identity, ND4J gemm). Blanchard,
 * El Mhamdi, Guerraoui, Stainer, "Machine learning with adversaries: Byzantine tolerant gradient
 * descent", NeurIPS 2017. (ByzFL sums over n − f − 1 neighbours; this follows the paper.)
 */
public final class Krum implements Aggregator, RowSelection {

  private final int tolerated;

  /** Krum for f = {@code tolerated}. */
  public Krum(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    requireKrumFeasible("Krum", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    double[][] squared = PairwiseDistances.of(gradients).squared();
    return select(squared).apply(gradients);
  }

  @Override
  public BlockCombination plan(double[][] squared, boolean[] far) {
    return select(squared);
  }

  /** The rows chosen among the n whose squared distances are {@code squared}. */
  public Selection select(double[][] squared) {
    int n = squared.length;
    checkFeasible(n);
    double[] scores = scores(squared, tolerated);
    int best = orderByScore(scores, scores(squared, -2))[0];
    // Every row's Krum score is what the rule saw of it (the workers table's rule_score).
    return new Selection(Rows.mask(n, best), 1, Combine.COPY, 0, scores);
  }

  static void requireKrumFeasible(String rule, int n, int f) {
    Feasibility.atLeastOne(n);
    Feasibility.require(n > 2 * f + 2, rule, "n > 2f + 2", n, "f", f);
  }

  /**
   * Krum scores of all n rows: each sums its n − f − 2 smallest distances to the others (f = −2
   * gives the sum of all n − 1 distances, the tie-break).
   */
  static double[] scores(double[][] squared, int f) {
    int n = squared.length;
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    double[] scores = new double[n];
    double[] scratch = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = score(squared, i, all, n - f - 2, scratch);
    }
    return scores;
  }

  /**
   * The sum of the {@code neighbours} smallest squared distances from row i to the other rows of
   * {@code among}, added in increasing order (so the score does not depend on row order).
   */
  static double score(
      double[][] squared, int i, boolean[] among, int neighbours, double[] scratch) {
    int m = 0;
    for (int j = 0; j < squared.length; j++) {
      if (j != i && among[j]) {
        scratch[m++] = squared[i][j];
      }
    }
    Arrays.sort(scratch, 0, m);
    double s = 0;
    for (int r = 0; r < Math.min(neighbours, m); r++) {
      s += scratch[r];
    }
    return s;
  }

  /** Row indices ordered by increasing score, ties by increasing index. */
  static int[] orderByScore(double[] scores) {
    return orderByScore(scores, new double[scores.length]);
  }

  /** Row indices ordered by increasing score, ties by increasing tie-break, then index. */
  static int[] orderByScore(double[] scores, double[] tieBreak) {
    int n = scores.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      int p = i;
      while (p > 0 && before(scores, tieBreak, i, order[p - 1])) {
        order[p] = order[p - 1];
        p--;
      }
      order[p] = i;
    }
    return order;
  }

  /**
   * Whether row i comes strictly before row j: smaller score, or equal score and smaller tie-break.
   */
  static boolean before(double[] scores, double[] tieBreak, int i, int j) {
    return scores[i] < scores[j] || (scores[i] == scores[j] && tieBreak[i] < tieBreak[j]);
  }

  @Override
  public String toString() {
    return "krum";
  }
}
