package org.ftsim.aggregation;

import org.ftsim.linalg.SymmetricEigen;

/**
 * CAF, the covariance-bound agnostic filter: soft weights c_i, from c = 1, shrink along the
 * covariance's top eigenvector until Σ c_i ≤ n − 2f; the result is the weighted mean μ_c of the
 * iteration whose covariance had the smallest largest eigenvalue.
 *
 * <p>Each iteration: μ_c = Σ c_i x_i / Σ c_i; Σ_c = Σ c_i (x_i − μ_c)(x_i − μ_c)ᵀ / Σ c_i, its
 * largest eigenpair (λ, v); τ_i = ((x_i − μ_c)·v)²; c_i ← c_i (1 − τ_i / max_{c_j > 0} τ_j). The
 * eigenpair is exact, from the weighted n × n Gram matrix of the centred rows ({@link
 * SymmetricEigen}; built from the pairwise distances, so O(n³) per iteration and at most n
 * iterations); ByzFL takes one power step from a random vector instead. The maximum runs over the
 * rows still weighted (ByzFL's over all), so that every iteration zeroes one weight. The loop stops
 * early when the covariance vanishes. f = 0 is the exact {@link Mean} (ByzFL's loop does not run).
 * Non-finite rows start at weight 0. Precondition n > 2f. k is the number of rows of positive
 * weight in the returned mean; a row's discarded share is 1 − c_i / max_j c_j of those weights.
 * Allouah, Guerraoui, Stephan, "Towards trustworthy federated learning with untrusted
 * participants", ICML 2025; ByzFL's {@code CAF}.
 */
public final class CovarianceBoundFilter implements Aggregator {

  private final int tolerated;

  /** CAF for f = {@code tolerated}. */
  public CovarianceBoundFilter(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("caf", n, tolerated);
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
    PairwiseDistances.Result distances = PairwiseDistances.of(gradients);
    double[][] d2 = distances.squared();
    boolean[] far = distances.far();
    if (distances.finiteCount() == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    double[] c = new double[n];
    for (int i = 0; i < n; i++) {
      c[i] = far[i] ? 0 : 1;
    }
    double[] best = null;
    double bestLargest = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration <= n; iteration++) {
      double total = sum(c);
      if (iteration > 0 && total <= n - 2 * tolerated) {
        break;
      }
      double[] a = new double[n];
      for (int i = 0; i < n; i++) {
        a[i] = c[i] / total;
      }
      double[][] k = centredGram(d2, far, a);
      int[] support = support(c);
      int m = support.length;
      double[][] weighted = new double[m][m];
      for (int p = 0; p < m; p++) {
        for (int q = 0; q < m; q++) {
          int i = support[p];
          int j = support[q];
          weighted[p][q] = Math.sqrt(c[i] * c[j]) * k[i][j] / total;
        }
      }
      SymmetricEigen.Pair top = SymmetricEigen.largest(weighted);
      if (best == null || top.value() < bestLargest) {
        best = a;
        bestLargest = top.value();
      }
      if (!(top.value() > 0)) {
        break;
      }
      // (x_i − μ)·v with v = Yᵀ W^½ u / ‖Yᵀ W^½ u‖ and ‖Yᵀ W^½ u‖² = Σc · λ.
      double norm = Math.sqrt(total * top.value());
      double[] tau = new double[n];
      double tauMax = 0;
      for (int i = 0; i < n; i++) {
        if (far[i]) {
          continue;
        }
        double s = 0;
        for (int q = 0; q < m; q++) {
          s += k[i][support[q]] * Math.sqrt(c[support[q]]) * top.vector()[q];
        }
        tau[i] = (s / norm) * (s / norm);
        if (c[i] > 0) {
          tauMax = Math.max(tauMax, tau[i]);
        }
      }
      if (!(tauMax > 0)) {
        break;
      }
      for (int i : support) {
        c[i] *= Math.max(0, 1 - tau[i] / tauMax);
      }
    }
    int positive = 0;
    for (double w : best) {
      positive += w > 0 ? 1 : 0;
    }
    return Aggregation.weighted(Rows.combine(gradients, best), positive, best, null);
  }

  /**
   * K_ij = (x_i − μ)·(x_j − μ) for μ = Σ a_k x_k, from the squared distances: ½(e_i + e_j − D_ij)
   * with e_i = Σ_k a_k D_ik − ½ Σ_kl a_k a_l D_kl; 0 for far rows.
   */
  static double[][] centredGram(double[][] d2, boolean[] far, double[] a) {
    int n = a.length;
    double[] da = new double[n];
    for (int i = 0; i < n; i++) {
      if (!far[i]) {
        for (int k = 0; k < n; k++) {
          if (a[k] != 0) {
            da[i] += a[k] * d2[i][k];
          }
        }
      }
    }
    double half = 0;
    for (int k = 0; k < n; k++) {
      if (a[k] != 0) {
        half += a[k] * da[k];
      }
    }
    half *= 0.5;
    double[][] gram = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (!far[i] && !far[j]) {
          gram[i][j] = 0.5 * ((da[i] - half) + (da[j] - half) - d2[i][j]);
        }
      }
    }
    return gram;
  }

  private static int[] support(double[] c) {
    int m = 0;
    for (double w : c) {
      m += w > 0 ? 1 : 0;
    }
    int[] s = new int[m];
    m = 0;
    for (int i = 0; i < c.length; i++) {
      if (c[i] > 0) {
        s[m++] = i;
      }
    }
    return s;
  }

  private static double sum(double[] c) {
    double s = 0;
    for (double w : c) {
      s += w;
    }
    return s;
  }

  @Override
  public String toString() {
    return "caf";
  }
}
