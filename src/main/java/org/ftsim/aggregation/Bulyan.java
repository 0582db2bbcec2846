package org.ftsim.aggregation;

/**
 * Bulyan: select θ = n − 2f inputs by applying {@link Krum} repeatedly (each time to the inputs not
 * yet selected, with |R| − f − 2 neighbours), then per coordinate average the β = θ − 2f selected
 * values closest to their median.
 *
 * <p>Late iterations use few neighbours, so equal scores are common (two mutual nearest neighbours
 * with one neighbour each); they are broken by the sum of distances to all remaining inputs, then
 * by index, so that the selection does not depend on worker order. Precondition n ≥ 4f + 3; f = 0
 * is exactly {@link Mean}. k = β = n − 4f, the values averaged per coordinate; the rows used are
 * the Krum-selected ones that were kept in some coordinate; a row's discarded share is 1 when it
 * was not selected, else the share of coordinates it was trimmed in; its score is its Krum score
 * among all n rows (the first selection round's). Non-finite rows score +∞ and are never selected
 * while at most f are present. El Mhamdi, Guerraoui, Rouault, "The hidden vulnerability of
 * distributed learning in Byzantium", ICML 2018.
 */
public final class Bulyan implements Aggregator, RowSelection {

  private final int tolerated;

  /** Bulyan for f = {@code tolerated}. */
  public Bulyan(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.atLeastOne(n);
    Feasibility.require(n >= 4 * tolerated + 3, "Bulyan", "n >= 4f + 3", n, "f", tolerated);
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

  @Override
  public boolean needsDistances(int n) {
    return tolerated > 0;
  }

  @Override
  public BlockCombination plan(double[][] squared, boolean[] far) {
    return select(squared);
  }

  /** The rows chosen among the n whose squared distances are {@code squared}. */
  public Selection select(double[][] squared) {
    int n = squared.length;
    checkFeasible(n);
    int f = tolerated;
    if (f == 0) {
      return Selection.all(n);
    }
    int[] selection = select(squared, f);
    return new Selection(
        Rows.mask(n, selection),
        selection.length - 2 * f,
        Combine.CLOSEST_TO_MEDIAN,
        selection.length - 2 * f,
        // The first selection round's scores: each row's Krum score among all n.
        Krum.scores(squared, f));
  }

  /** The θ = n − 2f rows chosen by iterated Krum, in increasing index order. */
  static int[] select(double[][] squared, int f) {
    int n = squared.length;
    int theta = n - 2 * f;
    boolean[] remaining = new boolean[n];
    java.util.Arrays.fill(remaining, true);
    boolean[] chosen = new boolean[n];
    double[] scratch = new double[n];
    for (int s = 0; s < theta; s++) {
      int neighbours = Math.max(0, (n - s) - f - 2);
      double[] scores = new double[n];
      double[] totals = new double[n];
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (remaining[i]) {
          scores[i] = Krum.score(squared, i, remaining, neighbours, scratch);
          totals[i] = Krum.score(squared, i, remaining, n, scratch);
          if (best < 0 || Krum.before(scores, totals, i, best)) {
            best = i;
          }
        }
      }
      remaining[best] = false;
      chosen[best] = true;
    }
    int[] selection = new int[theta];
    for (int i = 0, p = 0; i < n; i++) {
      if (chosen[i]) {
        selection[p++] = i;
      }
    }
    return selection;
  }

  @Override
  public String toString() {
    return "bulyan";
  }
}
