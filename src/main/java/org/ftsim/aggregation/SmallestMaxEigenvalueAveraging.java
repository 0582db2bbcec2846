package org.ftsim.aggregation;

import org.ftsim.linalg.SymmetricEigen;

/**
 * Smallest maximum eigenvalue averaging (SMEA): the mean of the n − f rows whose empirical
 * covariance has the smallest largest eigenvalue, (1/(n − f)) Σ_{i ∈ S*} x_i with S* ∈ argmin_{|S|
 * = n − f} λ_max(Σ_{i ∈ S} (x_i − μ_S)(x_i − μ_S)ᵀ).
 *
 * <p>Exact: λ_max of a d × d scatter matrix equals that of the |S| × |S| centred Gram matrix −½ J
 * D_S J (D_S the squared distances, J = I − 11ᵀ/|S|), computed by {@link SymmetricEigen} (ByzFL
 * takes one power iteration from a random vector, an estimate). Adding a row adds a positive
 * semi-definite term to the scatter, so λ_max of a partial subset bounds every completion and
 * {@link SubsetSearch} prunes with it. Precondition n > 2f and C(n, f) ≤ {@value #MAX_SUBSETS}. f =
 * 0 is the exact {@link Mean}. Ties go to the lowest indices; a non-finite row makes a subset's
 * cost +∞, so it enters S* only if more than f rows are bad (the mean of all is then returned). k =
 * n − f, the rows of S* used. Allouah, Guerraoui, Gupta, Pinot, Stephan, "On the
 * privacy-robustness-utility trilemma in distributed learning", ICML 2023; ByzFL's {@code SMEA}.
 */
public final class SmallestMaxEigenvalueAveraging implements Aggregator {

  /** The largest number of candidate subsets, C(n, f), the exact search accepts. */
  public static final long MAX_SUBSETS = 100_000;

  private final int tolerated;

  /** SMEA for f = {@code tolerated}. */
  public SmallestMaxEigenvalueAveraging(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("smea", n, tolerated);
    SubsetSearch.requireFeasible("smea", n, tolerated, MAX_SUBSETS);
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
    if (tolerated == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    double[][] squared = PairwiseDistances.of(gradients).squared();
    int[] subset =
        SubsetSearch.minimise(
            n - tolerated, MinimumDiameterAveraging.centralFirst(squared), largest(squared));
    if (subset == null) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    boolean[] used = Rows.mask(n, subset);
    return new Aggregation(Rows.mean(gradients, used), subset.length, used);
  }

  /** λ_max of the scatter of the members (never below the parent's, against rounding). */
  static SubsetSearch.MonotoneCost largest(double[][] squared) {
    int n = squared.length;
    double[][] scratch = new double[n][n];
    return (parent, members, size) ->
        Math.max(parent, scatterLargest(squared, members, size, scratch));
  }

  /**
   * λ_max of Σ_{i ∈ S} (x_i − μ_S)(x_i − μ_S)ᵀ for S = members[0..size), from the squared
   * distances: the largest eigenvalue of −½ J D_S J; +∞ if a distance is infinite.
   */
  static double scatterLargest(double[][] squared, int[] members, int size, double[][] b) {
    if (size < 2) {
      return 0;
    }
    if (size == 2) {
      return 0.5 * squared[members[0]][members[1]];
    }
    double[] rowMean = new double[size];
    double total = 0;
    for (int i = 0; i < size; i++) {
      double s = 0;
      for (int j = 0; j < size; j++) {
        s += squared[members[i]][members[j]];
      }
      if (s == Double.POSITIVE_INFINITY) {
        return Double.POSITIVE_INFINITY;
      }
      rowMean[i] = s / size;
      total += rowMean[i];
    }
    double grand = total / size;
    for (int i = 0; i < size; i++) {
      for (int j = 0; j < size; j++) {
        b[i][j] = -0.5 * (squared[members[i]][members[j]] - rowMean[i] - rowMean[j] + grand);
      }
    }
    return SymmetricEigen.largestValue(b, size);
  }

  @Override
  public String toString() {
    return "smea";
  }
}
