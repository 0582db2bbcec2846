package org.ftsim.aggregation;

import java.util.SplittableRandom;

/** Seeded test matrices. */
final class Gradients {

  private Gradients() {}

  /** n rows of d independent N(0, scale²) coordinates. */
  static float[][] normal(long seed, int n, int d, double scale) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] rows = new float[n][d];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) (random.nextGaussian() * scale);
      }
    }
    return rows;
  }

  /** A uniform permutation of 0..n-1. */
  static int[] permutation(long seed, int n) {
    return Bucketing.permutation(n, new SplittableRandom(seed));
  }

  /** Row i of the result is row perm[i] of the input. */
  static float[][] permute(float[][] rows, int[] perm) {
    float[][] out = new float[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = rows[perm[i]];
    }
    return out;
  }

  /** n separate copies of x. */
  static float[][] copies(float[] x, int n) {
    float[][] rows = new float[n][];
    for (int i = 0; i < n; i++) {
      rows[i] = x.clone();
    }
    return rows;
  }

  /**
   * The rule's aggregate of {@code rows}; a rule that needs the server's root gradient ({@code
   * fltrust}) is given {@link #root} of the rows, as a server whose trusted samples follow the
   * honest workers' distribution would compute it.
   */
  static Aggregation aggregate(Aggregator rule, float[][] rows) {
    return rule.needsRoot() ? rule.aggregate(rows, root(rows)) : rule.aggregate(rows);
  }

  /**
   * The mean of the rows of {@code rows} whose coordinates are all finite, in row order; null when
   * the rows are not a matrix (ragged or empty) or none is finite.
   */
  static float[] root(float[][] rows) {
    if (rows.length == 0 || rows[0] == null) {
      return null;
    }
    int d = rows[0].length;
    double[] sum = new double[d];
    int count = 0;
    for (float[] row : rows) {
      if (row == null || row.length != d) {
        return null;
      }
      if (!org.ftsim.linalg.Vectors.allFinite(row)) {
        continue;
      }
      for (int j = 0; j < d; j++) {
        sum[j] += row[j];
      }
      count++;
    }
    if (count == 0) {
      return null;
    }
    float[] mean = new float[d];
    for (int j = 0; j < d; j++) {
      mean[j] = (float) (sum[j] / count);
    }
    return mean;
  }

  /** The rows as a matrix of doubles. */
  static double[][] toDouble(float[][] rows) {
    double[][] out = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      out[i] = new double[rows[i].length];
      for (int j = 0; j < rows[i].length; j++) {
        out[i][j] = rows[i][j];
      }
    }
    return out;
  }
}
