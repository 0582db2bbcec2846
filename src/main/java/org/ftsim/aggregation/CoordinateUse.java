package org.ftsim.aggregation;

/**
 * For a coordinate-wise rule and one block of coordinates: which rows entered the aggregate in at
 * least one coordinate, i.e. whose value (ordered by {@link SelectionNetwork#key}) lay within the
 * range of the values kept there. Rows already found are not examined again, so the cost is small
 * once every honest row has been seen.
 */
final class CoordinateUse {

  private final float[][] rows;
  private final int[] pending;
  private int pendingCount;
  private final boolean[] used;

  /** Tracks the rows {@code candidates} of {@code rows}. */
  CoordinateUse(float[][] rows, int[] candidates) {
    this.rows = rows;
    this.pending = candidates.clone();
    this.pendingCount = candidates.length;
    this.used = new boolean[rows.length];
  }

  /** Marks the rows whose value at coordinate j lies in [lo, hi]. */
  void mark(int j, float lo, float hi) {
    for (int p = 0; p < pendingCount; ) {
      int i = pending[p];
      float v = SelectionNetwork.key(rows[i][j]);
      if (v >= lo && v <= hi) {
        used[i] = true;
        pending[p] = pending[--pendingCount];
      } else {
        p++;
      }
    }
  }

  /** Whether every candidate has been marked (then {@link #mark} has nothing left to do). */
  boolean done() {
    return pendingCount == 0;
  }

  /** The rows marked so far. */
  boolean[] used() {
    return used;
  }

  /** All rows 0..n-1. */
  static int[] all(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }

  /** The union of per-block results. */
  static boolean[] union(boolean[][] perBlock, int n) {
    boolean[] u = new boolean[n];
    for (boolean[] b : perBlock) {
      for (int i = 0; i < n; i++) {
        u[i] |= b[i];
      }
    }
    return u;
  }
}
