package org.ftsim.aggregation;

/**
 * Selection (Hoare's FIND, as in Wirth's <i>Algorithms + Data Structures = Programs</i>, §2.3.4) on
 * primitive arrays: the k-th smallest of n values in expected O(n), no boxing and no full sort.
 *
 * <p>Coordinate-wise rules order values with {@link #key}: NaN counts as +∞, so that a non-finite
 * report is an extreme value, which trimming and medians discard.
 */
final class OrderStatistics {

  private OrderStatistics() {}

  /** The ordering key of a coordinate value: NaN becomes +∞, everything else is unchanged. */
  static float key(float v) {
    return v != v ? Float.POSITIVE_INFINITY : v;
  }

  /**
   * Rearranges {@code a[from, to)} so that {@code a[k]} holds the value of rank k, every value
   * before it is ≤ {@code a[k]} and every value after it is ≥. The values must not be NaN.
   */
  static void select(float[] a, int from, int to, int k) {
    int l = from;
    int r = to - 1;
    while (l < r) {
      float x = a[k];
      int i = l;
      int j = r;
      do {
        while (a[i] < x) {
          i++;
        }
        while (x < a[j]) {
          j--;
        }
        if (i <= j) {
          float t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      } while (i <= j);
      if (j < k) {
        l = i;
      }
      if (k < i) {
        r = j;
      }
    }
  }

  /** {@link #select(float[], int, int, int)} on doubles. */
  static void select(double[] a, int from, int to, int k) {
    int l = from;
    int r = to - 1;
    while (l < r) {
      double x = a[k];
      int i = l;
      int j = r;
      do {
        while (a[i] < x) {
          i++;
        }
        while (x < a[j]) {
          j--;
        }
        if (i <= j) {
          double t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      } while (i <= j);
      if (j < k) {
        l = i;
      }
      if (k < i) {
        r = j;
      }
    }
  }

  /** The minimum of {@code a[from, to)}. */
  static float min(float[] a, int from, int to) {
    float m = a[from];
    for (int i = from + 1; i < to; i++) {
      if (a[i] < m) {
        m = a[i];
      }
    }
    return m;
  }

  /**
   * The median of the first {@code n} values of {@code a} (the mean of the two middle values when n
   * is even), rearranging them. Values must already be keys (no NaN).
   */
  static double median(float[] a, int n) {
    int lo = (n - 1) / 2;
    select(a, 0, n, lo);
    if ((n & 1) == 1) {
      return a[lo];
    }
    return 0.5 * ((double) a[lo] + (double) min(a, lo + 1, n));
  }

  /**
   * The sum of the {@code keep} values of {@code a[0, n)} closest to their median m, ties in
   * distance broken towards the lower value (so the result does not depend on the order of the
   * input). Rearranges {@code a}; {@code dist} and {@code work} are scratch of length ≥ n; the
   * smallest and largest kept values are written to {@code range[0]} and {@code range[1]}.
   * Distances are computed in double, where |a − m| is exact enough never to overflow.
   */
  static double sumClosestToMedian(
      float[] a, int n, int keep, double[] dist, double[] work, float[] range) {
    double m = median(a, n);
    for (int i = 0; i < n; i++) {
      dist[i] = Math.abs(a[i] - m);
    }
    System.arraycopy(dist, 0, work, 0, n);
    select(work, 0, n, keep - 1);
    double cut = work[keep - 1];
    double sum = 0;
    int taken = 0;
    int lowerTies = 0;
    float lo = Float.POSITIVE_INFINITY;
    float hi = Float.NEGATIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      if (dist[i] < cut) {
        float v = a[i];
        sum += v;
        taken++;
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      } else if (dist[i] == cut && a[i] < m) {
        lowerTies++;
      }
    }
    int lowerToTake = Math.min(keep - taken, lowerTies);
    int upperToTake = keep - taken - lowerToTake;
    for (int i = 0; i < n && (lowerToTake > 0 || upperToTake > 0); i++) {
      if (dist[i] == cut) {
        float v = a[i];
        if (v < m ? lowerToTake-- > 0 : upperToTake-- > 0) {
          sum += v;
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
        }
      }
    }
    range[0] = lo;
    range[1] = hi;
    return sum;
  }
}
