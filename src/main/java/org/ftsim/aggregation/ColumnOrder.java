package org.ftsim.aggregation;

/**
 * The driver of the coordinate-wise rules: for each block of coordinates, copy the values of the
 * member rows (NaN as +∞), order them with a {@link SelectionNetwork}, and hand the ordered columns
 * to the rule, which reads its ranks and marks the rows it used ({@link CoordinateUse}).
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
   * returns, for every row, whether the reader marked it used in some coordinate.
   */
  static boolean[] forEach(float[][] rows, int[] members, SelectionNetwork network, Reader reader) {
    int d = rows[0].length;
    int m = members.length;
    int width = Math.max(64, Math.min(1024, CACHE_FLOATS / m));
    boolean[][] used = new boolean[CoordinateBlocks.count(d)][];
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          float[][] columns = new float[m][width];
          CoordinateUse use = new CoordinateUse(rows, members);
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
            reader.read(columns, w, s, use);
          }
          used[block] = use.used();
        });
    return CoordinateUse.union(used, rows.length);
  }
}
