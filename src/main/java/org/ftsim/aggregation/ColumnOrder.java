package org.ftsim.aggregation;

/**
 * The driver of the coordinate-wise rules: for each block of coordinates, copy the values of the
 * member rows (NaN as +∞), order them with a {@link SelectionNetwork}, and hand the ordered columns
 * to the rule, which reads its ranks and marks the range of values it kept per coordinate; the rows
 * are then counted against those ranges ({@link CoordinateUse}).
 */
final class ColumnOrder {

  /** Columns per network pass: a few tens of kilobytes, so that passes stay in cache. */
  private static final int CACHE_FLOATS = 1 << 14;

  /** What a rule does with one ordered slice of coordinates. */
  @FunctionalInterface
  interface Reader {
    /**
     * {@code ordered[r][j]} holds rank r (for the ranks the network selects) of coordinate {@code
     * offset + j}, for j in [0, width).
     */
    void read(float[][] ordered, int width, int offset, CoordinateUse use);
  }

  private ColumnOrder() {}

  /**
   * Runs {@code reader} over all d coordinates of rows {@code members}, ordered by {@code network};
   * returns, for every row, the number of coordinates in which its value lay within the range the
   * reader marked kept (0 for rows outside {@code members}).
   */
  static int[] forEach(float[][] rows, int[] members, SelectionNetwork network, Reader reader) {
    int d = rows[0].length;
    int m = members.length;
    int width = Math.max(64, Math.min(1024, CACHE_FLOATS / m));
    int[][] kept = new int[CoordinateBlocks.count(d)][];
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          float[][] columns = new float[m][width];
          CoordinateUse use = new CoordinateUse(rows, members, width);
          for (int s = from; s < to; s += width) {
            int w = Math.min(width, to - s);
            for (int r = 0; r < m; r++) {
              float[] src = rows[members[r]];
              float[] dst = columns[r];
              for (int j = 0; j < w; j++) {
                dst[j] = SelectionNetwork.key(src[s + j]);
              }
            }
            network.apply(columns, w);
            use.slice(s);
            reader.read(columns, w, s, use);
            use.count(w);
          }
          kept[block] = use.kept();
        });
    int[] total = new int[rows.length];
    for (int[] b : kept) {
      for (int i = 0; i < total.length; i++) {
        total[i] += b[i];
      }
    }
    return total;
  }

  /**
   * A coordinate-wise rule's aggregation from the coordinates each row was kept in ({@link
   * #forEach}): a row is used when kept in some coordinate, and discarded in the share (d − kept)/d
   * of its coordinates.
   */
  static Aggregation aggregation(float[] gradient, int k, int[] keptCoordinates) {
    int d = gradient.length;
    int n = keptCoordinates.length;
    boolean[] used = new boolean[n];
    double[] discarded = new double[n];
    for (int i = 0; i < n; i++) {
      used[i] = keptCoordinates[i] > 0;
      discarded[i] = (double) (d - keptCoordinates[i]) / d;
    }
    return new Aggregation(gradient, k, used, discarded, null);
  }
}
