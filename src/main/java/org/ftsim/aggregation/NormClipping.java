package org.ftsim.aggregation;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ftsim.linalg.Vectors;

/**
 * What {@link SignGuard} and {@link ClippedClustering} share: row norms, their median, the scale
 * min(1, τ/‖x_i‖) that clips a row to norm τ, and the choice of the larger of two clusters.
 */
final class NormClipping {

  private NormClipping() {}

  /**
   * ‖x_i‖ for every row, +∞ for a row with a non-finite coordinate (rows in parallel, each in its
   * fixed order).
   */
  static double[] norms(float[][] rows) {
    double[] norms = new double[rows.length];
    IntStream.range(0, rows.length)
        .parallel()
        .forEach(
            i -> {
              double s = Vectors.norm(rows[i]);
              norms[i] = Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
            });
    return norms;
  }

  /** The median (the mean of the two middle values for an even count), as numpy's. */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length;
    return m % 2 == 1 ? sorted[m / 2] : 0.5 * (sorted[m / 2 - 1] + sorted[m / 2]);
  }

  /** min(1, τ/‖x_i‖): the factor that clips row i to norm τ. */
  static double scale(double norm, double threshold) {
    return norm > threshold ? threshold / norm : 1;
  }

  /** Per row, its clipping factor min(1, τ/‖x_i‖) when selected, else 0. */
  static double[] factors(double[] norms, double threshold, boolean[] selected) {
    double[] f = new double[norms.length];
    for (int i = 0; i < f.length; i++) {
      f[i] = selected[i] ? scale(norms[i], threshold) : 0;
    }
    return f;
  }

  /**
   * The mean of the selected rows, each clipped to norm {@code threshold}: Σ_{i ∈ S} min(1,
   * τ/‖x_i‖) x_i / |S|.
   */
  static float[] clippedMean(float[][] rows, double[] norms, double threshold, boolean[] selected) {
    int count = Rows.count(selected);
    double[] weights = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      weights[i] = selected[i] ? scale(norms[i], threshold) / count : 0;
    }
    return Rows.combine(rows, weights);
  }

  /**
   * The members of the larger of two clusters (labels 0 and 1); with equal sizes, the cluster of
   * row 0.
   */
  static boolean[] larger(int[] labels) {
    int ones = 0;
    for (int l : labels) {
      ones += l;
    }
    int n = labels.length;
    int chosen = 2 * ones > n ? 1 : 2 * ones < n ? 0 : labels[0];
    boolean[] members = new boolean[n];
    for (int i = 0; i < n; i++) {
      members[i] = labels[i] == chosen;
    }
    return members;
  }
}
