package org.ftsim.aggregation;

/**
 * For a coordinate-wise rule and one block of coordinates: in how many coordinates each row entered
 * the aggregate, i.e. its value (ordered by {@link SelectionNetwork#key}) lay within the range of
 * the values kept there. The rule marks each coordinate's kept range as it reads a slice of ordered
 * columns; {@link #count} then passes once over the member rows' slice, row by row.
 */
final class CoordinateUse {

  private final float[][] rows;
  private final int[] members;
  private final int[] kept;
  private final float[] lo;
  private final float[] hi;
  private int offset;
  private boolean unbounded;

  /** Tracks the rows {@code members} of {@code rows}, for slices of at most {@code width}. */
  CoordinateUse(float[][] rows, int[] members, int width) {
    this.rows = rows;
    this.members = members.clone();
    this.kept = new int[rows.length];
    this.lo = new float[width];
    this.hi = new float[width];
  }

  /** Starts a slice of coordinates from {@code offset}. */
  void slice(int offset) {
    this.offset = offset;
  }

  /** Records that coordinate j (of the current slice) kept the values in [low, high]. */
  void mark(int j, float low, float high) {
    lo[j - offset] = low;
    hi[j - offset] = high;
    unbounded |= high == Float.POSITIVE_INFINITY;
  }

  /** Counts, for each member row, the coordinates of the slice [offset, offset + width) it kept. */
  void count(int width) {
    float[] low = lo;
    float[] high = hi;
    int from = offset;
    for (int i : members) {
      float[] row = rows[i];
      int c = 0;
      if (unbounded) {
        for (int j = 0; j < width; j++) {
          float v = SelectionNetwork.key(row[from + j]);
          c += v >= low[j] && v <= high[j] ? 1 : 0;
        }
      } else {
        // NaN (ordered as +∞) compares false, as +∞ would against a finite upper end.
        for (int j = 0; j < width; j++) {
          float v = row[from + j];
          c += (v >= low[j]) & (v <= high[j]) ? 1 : 0;
        }
      }
      kept[i] += c;
    }
    unbounded = false;
  }

  /** Per row (of all rows; 0 for non-members), the coordinates in which it was kept. */
  int[] kept() {
    return kept;
  }

  /** All rows 0..n-1. */
  static int[] all(int n) {
    int[] a = new int[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
    }
    return a;
  }
}
