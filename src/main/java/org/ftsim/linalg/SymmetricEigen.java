package org.ftsim.linalg;

/**
 * The largest eigenvalue of a small symmetric matrix, with a unit eigenvector, by the cyclic Jacobi
 * method in double: rotations A ← PᵀAP zero one off-diagonal entry at a time until the off-diagonal
 * mass is below 10⁻²⁴ of the total (or 60 sweeps). Accurate for every eigenvalue, however close;
 * O(n³) per sweep, meant for the n × n Gram matrices of n worker gradients. Golub and Van Loan,
 * Matrix Computations, 4th ed., §8.5.
 */
public final class SymmetricEigen {

  /** Sweeps after which the iteration stops even if not converged (it converges quadratically). */
  static final int MAX_SWEEPS = 60;

  /** Relative off-diagonal mass at which the matrix counts as diagonal. */
  static final double TOLERANCE = 1e-24;

  /**
   * An eigenpair.
   *
   * @param value the eigenvalue
   * @param vector a unit eigenvector (null when not asked for)
   */
  public record Pair(double value, double[] vector) {}

  private SymmetricEigen() {}

  /** The largest eigenvalue of the symmetric matrix {@code a} (not modified) and its vector. */
  public static Pair largest(double[][] a) {
    return solve(a, a.length, true);
  }

  /** The largest eigenvalue of the leading {@code m} × {@code m} block of {@code a}. */
  public static double largestValue(double[][] a, int m) {
    return solve(a, m, false).value();
  }

  private static Pair solve(double[][] a, int m, boolean vectors) {
    if (m == 0) {
      throw new IllegalArgumentException("no eigenvalue of a 0 × 0 matrix");
    }
    double[][] s = new double[m][m];
    double total = 0;
    for (int i = 0; i < m; i++) {
      System.arraycopy(a[i], 0, s[i], 0, m);
      for (int j = 0; j < m; j++) {
        total += a[i][j] * a[i][j];
      }
    }
    if (!Double.isFinite(total)) {
      throw new IllegalArgumentException("the matrix is not finite");
    }
    double[][] v = vectors ? identity(m) : null;
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int p = 0; p < m; p++) {
        for (int q = p + 1; q < m; q++) {
          off += s[p][q] * s[p][q];
        }
      }
      if (off <= TOLERANCE * total) {
        break;
      }
      for (int p = 0; p < m; p++) {
        for (int q = p + 1; q < m; q++) {
          if (s[p][q] != 0) {
            rotate(s, v, p, q);
          }
        }
      }
    }
    int best = 0;
    for (int i = 1; i < m; i++) {
      if (s[i][i] > s[best][best]) {
        best = i;
      }
    }
    double[] vector = null;
    if (vectors) {
      vector = new double[m];
      for (int k = 0; k < m; k++) {
        vector[k] = v[k][best];
      }
    }
    return new Pair(s[best][best], vector);
  }

  /** A ← PᵀAP and V ← VP for the rotation P in the (p, q) plane that zeroes A_pq. */
  private static void rotate(double[][] s, double[][] v, int p, int q) {
    double theta = (s[q][q] - s[p][p]) / (2 * s[p][q]);
    double t =
        Math.abs(theta) > 1e150
            ? 0.5 / theta
            : Math.signum(theta == 0 ? 1 : theta)
                / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
    double c = 1 / Math.sqrt(t * t + 1);
    double sn = t * c;
    int m = s.length;
    for (int k = 0; k < m; k++) {
      double kp = s[k][p];
      double kq = s[k][q];
      s[k][p] = c * kp - sn * kq;
      s[k][q] = sn * kp + c * kq;
    }
    for (int k = 0; k < m; k++) {
      double pk = s[p][k];
      double qk = s[q][k];
      s[p][k] = c * pk - sn * qk;
      s[q][k] = sn * pk + c * qk;
    }
    s[p][q] = 0;
    s[q][p] = 0;
    if (v != null) {
      for (int k = 0; k < m; k++) {
        double kp = v[k][p];
        double kq = v[k][q];
        v[k][p] = c * kp - sn * kq;
        v[k][q] = sn * kp + c * kq;
      }
    }
  }

  private static double[][] identity(int m) {
    double[][] v = new double[m][m];
    for (int i = 0; i < m; i++) {
      v[i][i] = 1;
    }
    return v;
  }
}
