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
