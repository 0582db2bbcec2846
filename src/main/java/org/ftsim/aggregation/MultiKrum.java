package org.ftsim.aggregation;

/**
 * Multi-Krum: the mean of the m inputs with the smallest {@link Krum} scores (n − f − 2
 * neighbours), (1/m) Σ_{i ∈ S_m} x_i.
 *
 * <p>Preconditions n > 2f + 2 and m ≤ n − f; m defaults to n − f. With m = n (so f = 0) every row
 * is kept and the result is exactly {@link Mean}. k = m; the rows used are the m selected (equal
 * scores ordered as in {@link Krum}), and every row's Krum score is reported. Non-finite rows score
 * +∞. El Mhamdi, Guerraoui, Rouault, "The hidden vulnerability of distributed learning in
 * Byzantium", ICML 2018; Blanchard et al., NeurIPS 2017.
 */
public final class MultiKrum implements Aggregator, RowSelection {

  /** m = 0 stands for the default, n − f. */
  public static final int DEFAULT_SELECTED = 0;

  private final int tolerated;
  private final int selected;

  /**
   * Multi-Krum for f = {@code tolerated}, averaging {@code selected} rows (m; {@link
   * #DEFAULT_SELECTED} for n − f).
   */
  public MultiKrum(int tolerated, int selected) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
    this.selected = Feasibility.nonNegative("multi-krum m", selected);
  }

  @Override
  public void checkFeasible(int n) {
    Krum.requireKrumFeasible("multi-krum", n, tolerated);
    if (selected > n - tolerated) {
      throw new IllegalArgumentException(
          "multi-krum needs m <= n - f; got m=" + selected + ", n=" + n + ", f=" + tolerated);
    }
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
    if (!needsDistances(n)) {
      return select(new double[n][n]).apply(gradients);
    }
    double[][] squared = PairwiseDistances.of(gradients).squared();
    return select(squared).apply(gradients);
  }

  private int selected(int n) {
    return selected == DEFAULT_SELECTED ? n - tolerated : selected;
  }

  @Override
  public boolean needsDistances(int n) {
    return selected(n) != n;
  }

  @Override
  public BlockCombination plan(double[][] squared, boolean[] far) {
    return select(squared);
  }

  /** The rows chosen among the n whose squared distances are {@code squared}. */
  public Selection select(double[][] squared) {
    int n = squared.length;
    checkFeasible(n);
    int m = selected(n);
    boolean[] keep = new boolean[n];
    if (m == n) {
      java.util.Arrays.fill(keep, true);
      return new Selection(keep, m, Combine.MEAN, 0);
    }
    double[] scores = Krum.scores(squared, tolerated);
    int[] order = Krum.orderByScore(scores, Krum.scores(squared, -2));
    for (int r = 0; r < m; r++) {
      keep[order[r]] = true;
    }
    return new Selection(keep, m, Combine.MEAN, 0, scores);
  }

  @Override
  public String toString() {
    return selected == DEFAULT_SELECTED ? "multi-krum" : "multi-krum:" + selected;
  }
}
