package org.ftsim.fault;

/** Euclidean geometry of gradients in double precision, for the attacks that optimise a scale. */
final class Distances {

  private Distances() {}

  /** ‖a − b‖². */
  static double squared(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = (double) a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  /** ‖a − b‖² for a double a. */
  static double squared(double[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = a[j] - b[j];
      s += t * t;
    }
    return s;
  }

  /** a·b. */
  static double dot(double[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** a·b. */
  static double dot(double[] a, double[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      s += a[j] * b[j];
    }
    return s;
  }

  /** The h×h matrix of squared distances between the rows. */
  static double[][] pairwiseSquared(float[][] rows) {
    int h = rows.length;
    double[][] d = new double[h][h];
    for (int i = 0; i < h; i++) {
      for (int k = i + 1; k < h; k++) {
        d[i][k] = squared(rows[i], rows[k]);
        d[k][i] = d[i][k];
      }
    }
    return d;
  }

  /** The coordinate-wise sign of {@code v}: −1, 0 or 1. */
  static double[] sign(double[] v) {
    double[] s = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      s[j] = Math.signum(v[j]);
    }
    return s;
  }
}
