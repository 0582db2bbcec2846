package org.ftsim.aggregation;

/**
 * A selection network: Batcher's odd–even merge sorting network on n inputs, pruned to the
 * comparators that the order statistics of ranks [fromRank, toRank) depend on. Applied to many
 * coordinates at once — each comparator is a min/max pass over a column block, which the JIT
 * vectorises — it selects without branches and without boxing, and its output does not depend on
 * the order of the inputs (so neither do sums taken in rank order).
 *
 * <p>Cost: O(n log² n) comparators per coordinate, against O(n) for a quickselect, but each costs
 * well under a nanosecond, where a quickselect mispredicts most of its branches. Batcher, "Sorting
 * networks and their applications", AFIPS 1968; the iteration for arbitrary n is Knuth's, TAOCP
 * vol. 3, §5.3.4, Algorithm M.
 */
final class SelectionNetwork {

  private final int size;
  private final int[] first;
  private final int[] second;

  private SelectionNetwork(int size, int[] first, int[] second) {
    this.size = size;
    this.first = first;
    this.second = second;
  }

  /** The network that leaves ranks [fromRank, toRank) of {@code size} inputs in place. */
  static SelectionNetwork of(int size, int fromRank, int toRank) {
    int count = 0;
    int[][] pairs = new int[2][16];
    for (int p = 1; p < size; p += p) {
      for (int k = p; k >= 1; k /= 2) {
        for (int j = k % p; j + k < size; j += 2 * k) {
          for (int i = 0; i < Math.min(k, size - j - k); i++) {
            if ((i + j) / (2 * p) == (i + j + k) / (2 * p)) {
              if (count == pairs[0].length) {
                pairs[0] = java.util.Arrays.copyOf(pairs[0], 2 * count);
                pairs[1] = java.util.Arrays.copyOf(pairs[1], 2 * count);
              }
              pairs[0][count] = i + j;
              pairs[1][count] = i + j + k;
              count++;
            }
          }
        }
      }
    }
    // Backwards: keep a comparator if a later step (or the caller) reads one of its outputs.
    boolean[] needed = new boolean[size];
    for (int r = fromRank; r < toRank; r++) {
      needed[r] = true;
    }
    boolean[] keep = new boolean[count];
    int kept = 0;
    for (int c = count - 1; c >= 0; c--) {
      int a = pairs[0][c];
      int b = pairs[1][c];
      if (needed[a] || needed[b]) {
        keep[c] = true;
        needed[a] = true;
        needed[b] = true;
        kept++;
      }
    }
    int[] first = new int[kept];
    int[] second = new int[kept];
    for (int c = 0, p = 0; c < count; c++) {
      if (keep[c]) {
        first[p] = pairs[0][c];
        second[p++] = pairs[1][c];
      }
    }
    return new SelectionNetwork(size, first, second);
  }

  /** The number of comparators. */
  int comparators() {
    return first.length;
  }

  /**
   * Orders {@code columns[0..size)} coordinate by coordinate over [0, width): afterwards, for every
   * selected rank r, {@code columns[r][j]} is the value of rank r at coordinate j. Values must not
   * be NaN (see {@link #key}).
   */
  void apply(float[][] columns, int width) {
    for (int c = 0; c < first.length; c++) {
      float[] x = columns[first[c]];
      float[] y = columns[second[c]];
      for (int j = 0; j < width; j++) {
        float u = x[j];
        float v = y[j];
        x[j] = Math.min(u, v);
        y[j] = Math.max(u, v);
      }
    }
  }

  /** The number of inputs. */
  int size() {
    return size;
  }

  /** The ordering key of a coordinate value: NaN becomes +∞, everything else is unchanged. */
  static float key(float v) {
    return v != v ? Float.POSITIVE_INFINITY : v;
  }
}
