package org.ftsim.linalg;

/**
 * A symmetric matrix reduced to tridiagonal form by Householder reflections (same eigenvalues), for
 * the questions an exact subset search asks many times: how many eigenvalues lie below x (Sturm
 * count, O(m)) and the largest eigenvalue (bisection on that count, to 10⁻¹⁴ relative). The
 * reduction is O(m³) with a small constant, about ten times faster than Jacobi sweeps for the
 * largest eigenvalue alone. Golub and Van Loan, Matrix Computations, 4th ed., §8.3 and §8.4.1.
 */
public final class Tridiagonal {

  private final double[] diagonal;
  private final double[] offDiagonal;

  private Tridiagonal(double[] diagonal, double[] offDiagonal) {
    this.diagonal = diagonal;
    this.offDiagonal = offDiagonal;
  }

  /** Reduces the leading m × m block of the symmetric matrix {@code a}, which is overwritten. */
  public static Tridiagonal reduce(double[][] a, int m) {
    if (m == 0) {
      throw new IllegalArgumentException("no eigenvalue of a 0 × 0 matrix");
    }
    double[] d = new double[m];
    double[] e = new double[Math.max(0, m - 1)];
    double[] v = new double[m];
    double[] w = new double[m];
    for (int k = 0; k + 2 < m; k++) {
      int s = k + 1;
      double norm2 = 0;
      for (int i = s; i < m; i++) {
        norm2 += a[i][k] * a[i][k];
      }
      d[k] = a[k][k];
      if (norm2 == 0) {
        continue;
      }
      double alpha = a[s][k] >= 0 ? -Math.sqrt(norm2) : Math.sqrt(norm2);
      double vv = 0;
      for (int i = s; i < m; i++) {
        v[i] = a[i][k] - (i == s ? alpha : 0);
        vv += v[i] * v[i];
      }
      e[k] = alpha;
      // H A H = A − v wᵀ − w vᵀ with p = 2 A v / vᵀv, K = vᵀp / vᵀv, w = p − K v.
      double vp = 0;
      for (int i = s; i < m; i++) {
        double p = 0;
        for (int j = s; j < m; j++) {
          p += a[i][j] * v[j];
        }
        w[i] = 2 * p / vv;
        vp += v[i] * w[i];
      }
      double kappa = vp / vv;
      for (int i = s; i < m; i++) {
        w[i] -= kappa * v[i];
      }
      for (int i = s; i < m; i++) {
        for (int j = s; j < m; j++) {
          a[i][j] -= v[i] * w[j] + w[i] * v[j];
        }
      }
    }
    if (m >= 2) {
      d[m - 2] = a[m - 2][m - 2];
      e[m - 2] = a[m - 1][m - 2];
    }
    d[m - 1] = a[m - 1][m - 1];
    return new Tridiagonal(d, e);
  }

  /** The number of eigenvalues strictly below x (Sturm sequence of the LDLᵀ pivots). */
  public int countBelow(double x) {
    int m = diagonal.length;
    int count = 0;
    double q = diagonal[0] - x;
    for (int i = 0; ; i++) {
      if (q < 0) {
        count++;
      }
      if (i + 1 == m) {
        return count;
      }
      if (q == 0) {
        q = Math.ulp(1.0) * (Math.abs(offDiagonal[i]) + Double.MIN_NORMAL);
      }
      q = diagonal[i + 1] - x - offDiagonal[i] * offDiagonal[i] / q;
    }
  }

  /** The largest eigenvalue, by bisection between Gershgorin bounds. */
  public double largest() {
    int m = diagonal.length;
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < m; i++) {
      double r =
          (i > 0 ? Math.abs(offDiagonal[i - 1]) : 0) + (i + 1 < m ? Math.abs(offDiagonal[i]) : 0);
      lo = Math.min(lo, diagonal[i] - r);
      hi = Math.max(hi, diagonal[i] + r);
    }
    for (int t = 0; t < 200 && hi - lo > 1e-14 * Math.max(Math.abs(lo), Math.abs(hi)); t++) {
      double mid = 0.5 * (lo + hi);
      if (mid <= lo || mid >= hi) {
        break;
      }
      if (countBelow(mid) == m) {
        hi = mid;
      } else {
        lo = mid;
      }
    }
    return 0.5 * (lo + hi);
  }
}
