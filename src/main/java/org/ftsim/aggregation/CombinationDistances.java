package org.ftsim.aggregation;

/**
 * Distances from an affine combination z = Σ_k a_k x_k (Σ_k a_k = 1) to every row, from the
 * pairwise squared distances alone: ‖z − x_i‖² = Σ_k a_k D_ki − ½ Σ_{k,l} a_k a_l D_kl. Iterative
 * rules ({@link GeometricMedian}, {@link CenteredClipping}) therefore run in O(n²) per iteration
 * and touch the d coordinates only once, to form the final combination.
 */
final class CombinationDistances {

  private CombinationDistances() {}

  /**
   * ‖z − x_i‖ for every row i that is not far (NaN for far rows), for coefficients {@code a} that
   * are zero on far rows.
   */
  static double[] distances(double[][] squared, boolean[] far, double[] a) {
    int n = a.length;
    double[] da = new double[n];
    for (int i = 0; i < n; i++) {
      if (far[i]) {
        da[i] = Double.NaN;
        continue;
      }
      double s = 0;
      for (int k = 0; k < n; k++) {
        // Zero coefficients are skipped: 0 · ∞ must not enter the sum.
        if (a[k] != 0) {
          s += a[k] * squared[i][k];
        }
      }
      da[i] = s;
    }
    double half = 0;
    for (int k = 0; k < n; k++) {
      if (a[k] != 0) {
        half += a[k] * da[k];
      }
    }
    half *= 0.5;
    double[] dist = new double[n];
    for (int i = 0; i < n; i++) {
      dist[i] = far[i] ? Double.NaN : Math.sqrt(Math.max(0, da[i] - half));
    }
    return dist;
  }
}
