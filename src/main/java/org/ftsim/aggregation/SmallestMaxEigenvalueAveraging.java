package org.ftsim.aggregation;

import org.ftsim.linalg.Tridiagonal;

/**
 * Smallest maximum eigenvalue averaging (SMEA): the mean of the n − f rows whose empirical
 * covariance has the smallest largest eigenvalue, (1/(n − f)) Σ_{i ∈ S*} x_i with S* ∈ argmin_{|S|
 * = n − f} λ_max(Σ_{i ∈ S} (x_i − μ_S)(x_i − μ_S)ᵀ).
 *
 * <p>Exact: λ_max of a d × d scatter matrix equals that of the |S| × |S| centred Gram matrix −½ J
 * D_S J (D_S the squared distances, J = I − 11ᵀ/|S|), computed by Householder reduction and
 * bisection ({@link Tridiagonal}; ByzFL takes one power iteration from a random vector, an
 * estimate). Adding a row adds a positive semi-definite term to the scatter, so λ_max of a partial
 * subset bounds every completion and {@link SubsetSearch} prunes with it. Precondition n > 2f and
 * C(n, f) ≤ {@value #MAX_SUBSETS}: when every subset ties (rows at the vertices of a regular
 * simplex) nothing is pruned, and C(20, 5) = 15,504 subsets took 0.8 s on 2 shared cores (Gaussian
 * rows at n = 20, f = 4: 40 ms; {@code ExactSearchBenchmark}). Eigenvalues are compared to 10⁻¹²
 * relative. f = 0 is the exact {@link Mean}. Ties go to the lowest indices; a non-finite row makes
 * a subset's cost +∞, so it enters S* only if more than f rows are bad (the mean of all is then
 * returned). k = n − f, the rows of S* used. Allouah, Guerraoui, Gupta, Pinot, Stephan, "On the
 * privacy-robustness-utility trilemma in distributed learning", ICML 2023; ByzFL's {@code SMEA}.
 */
public final class SmallestMaxEigenvalueAveraging implements Aggregator {

  /** The largest number of candidate subsets, C(n, f), the exact search accepts. */
  public static final long MAX_SUBSETS = 20_000;

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

  /**
   * λ_max of the scatter of the members (never below the parent's, against rounding). A subset
   * whose cost certainly exceeds the bound is cut early: by a pair of the new member at half its
   * squared distance (the scatter of two rows), else by a Sturm count above the bound.
   */
  static SubsetSearch.MonotoneCost largest(double[][] squared) {
    int n = squared.length;
    double[][] scratch = new double[n][n];
    return (parent, members, size, bound) -> {
      int added = members[size - 1];
      for (int k = 0; k < size - 1; k++) {
        if (0.5 * squared[added][members[k]] > bound) {
          return Double.POSITIVE_INFINITY;
        }
      }
      if (size < 3) {
        return size < 2 ? 0 : Math.max(parent, 0.5 * squared[members[0]][members[1]]);
      }
      if (!centredGram(squared, members, size, scratch)) {
        return Double.POSITIVE_INFINITY;
      }
      Tridiagonal t = Tridiagonal.reduce(scratch, size);
      // Some eigenvalue at or above bound·(1 + 10⁻¹²): the subset costs more than the best.
      if (bound < Double.POSITIVE_INFINITY
          && t.countBelow(bound + 1e-12 * Math.abs(bound)) < size) {
        return Double.POSITIVE_INFINITY;
      }
      return Math.max(parent, t.largest());
    };
  }

  /**
   * Writes −½ J D_S J for S = members[0..size) into b, the centred Gram matrix whose eigenvalues
   * are those of the scatter Σ_{i ∈ S} (x_i − μ_S)(x_i − μ_S)ᵀ; false if a distance is infinite.
   */
  static boolean centredGram(double[][] squared, int[] members, int size, double[][] b) {
    double[] rowMean = new double[size];
    double total = 0;
    for (int i = 0; i < size; i++) {
      double s = 0;
      for (int j = 0; j < size; j++) {
        s += squared[members[i]][members[j]];
      }
      if (s == Double.POSITIVE_INFINITY) {
        return false;
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
    return true;
  }

  @Override
  public String toString() {
    return "smea";
  }
}
