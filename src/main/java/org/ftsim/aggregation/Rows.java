package org.ftsim.aggregation;

/**
 * Operations on the worker-ordered gradient matrix shared by the rules: validation and the
 * (weighted) means that produce an aggregate (norms are {@link org.ftsim.linalg.Vectors}'). The
 * means run over {@link CoordinateBlocks}, each coordinate summed in row order, so results do not
 * depend on the number of threads.
 */
final class Rows {

  private Rows() {}

  /**
   * Checks that {@code rows} is a non-empty matrix of equal-length rows and returns d; otherwise
   * throws {@link IllegalArgumentException}.
   */
  static int requireMatrix(float[][] rows) {
    if (rows == null || rows.length == 0) {
      throw new IllegalArgumentException(
          "aggregation needs at least one gradient; got n=" + (rows == null ? 0 : rows.length));
    }
    if (rows[0] == null) {
      throw new IllegalArgumentException("gradient 0 is null");
    }
    int d = rows[0].length;
    for (int i = 1; i < rows.length; i++) {
      if (rows[i] == null || rows[i].length != d) {
        throw new IllegalArgumentException(
            "all gradients must have the same length; row 0 has "
                + d
                + ", row "
                + i
                + " has "
                + (rows[i] == null ? "none" : String.valueOf(rows[i].length)));
      }
    }
    return d;
  }

  /**
   * The mean of the selected rows ({@code null} selects all): coordinate-wise float sums in row
   * order, then multiplied by 1/count. With every row selected this is bit-identical to {@link
   * Mean#mean}, which is how the robust rules reduce exactly to the mean.
   */
  static float[] mean(float[][] rows, boolean[] selected) {
    int d = rows[0].length;
    int count = 0;
    for (int i = 0; i < rows.length; i++) {
      count += selected == null || selected[i] ? 1 : 0;
    }
    if (count == 0) {
      throw new IllegalArgumentException("mean of no rows");
    }
    float scale = 1f / count;
    float[] sum = new float[d];
    CoordinateBlocks.forEach(d, (block, from, to) -> mean(rows, selected, scale, from, to, sum));
    return sum;
  }

  /**
   * Coordinates [from, to) of {@link #mean(float[][], boolean[])} into {@code out} (zeros there).
   */
  static void mean(float[][] rows, boolean[] selected, float scale, int from, int to, float[] out) {
    for (int i = 0; i < rows.length; i++) {
      if (selected == null || selected[i]) {
        float[] row = rows[i];
        for (int j = from; j < to; j++) {
          out[j] += row[j];
        }
      }
    }
    for (int j = from; j < to; j++) {
      out[j] *= scale;
    }
  }

  /**
   * Σ_i w_i x_i, accumulated in double in row order and rounded once to float. Rows of weight 0 are
   * skipped, so that a non-finite row with no weight cannot turn the result into NaN.
   */
  static float[] combine(float[][] rows, double[] weights) {
    int d = rows[0].length;
    float[] out = new float[d];
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          double[] acc = new double[to - from];
          for (int i = 0; i < rows.length; i++) {
            double w = weights[i];
            if (w != 0) {
              float[] row = rows[i];
              for (int j = from; j < to; j++) {
                acc[j - from] += w * row[j];
              }
            }
          }
          for (int j = from; j < to; j++) {
            out[j] = (float) acc[j - from];
          }
        });
    return out;
  }

  /** A copy of row {@code i}. */
  static float[] copy(float[][] rows, int i) {
    return rows[i].clone();
  }

  /** A mask with exactly the given indices set. */
  static boolean[] mask(int n, int... indices) {
    boolean[] m = new boolean[n];
    for (int i : indices) {
      m[i] = true;
    }
    return m;
  }

  /** The number of set entries. */
  static int count(boolean[] mask) {
    int c = 0;
    for (boolean b : mask) {
      c += b ? 1 : 0;
    }
    return c;
  }
}
