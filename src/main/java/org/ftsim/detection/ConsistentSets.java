package org.ftsim.detection;

/**
 * The largest consistent sets of a conflict graph: sets of workers no two of which disagree, i.e.
 * its maximum independent sets, over at most 64 workers as bit masks. Exact: α(G) by branching on a
 * vertex of largest degree (a vertex of degree ≤ 1 is in some maximum independent set and is taken
 * without branching). A worker w is in every largest set iff α(G − w) &lt; α(G).
 */
final class ConsistentSets {

  private ConsistentSets() {}

  /**
   * Per worker, whether some largest consistent set leaves it out. A worker without a conflict is
   * in every one.
   *
   * @param conflicts {@code conflicts[w]}: the workers w disagrees with, as bits (symmetric, no
   *     self-loops)
   */
  static boolean[] outsideSomeLargest(long[] conflicts) {
    int n = conflicts.length;
    boolean[] outside = new boolean[n];
    long seen = 0;
    for (int w = 0; w < n; w++) {
      if (conflicts[w] == 0 || (seen & (1L << w)) != 0) {
        continue;
      }
      long component = component(conflicts, w);
      seen |= component;
      int alpha = alpha(conflicts, component);
      for (long m = component; m != 0; m &= m - 1) {
        int v = Long.numberOfTrailingZeros(m);
        outside[v] = alpha(conflicts, component & ~(1L << v)) == alpha;
      }
    }
    return outside;
  }

  /** The workers connected to {@code w} by conflicts, w included. */
  static long component(long[] conflicts, int w) {
    long component = 1L << w;
    long frontier = component;
    while (frontier != 0) {
      int v = Long.numberOfTrailingZeros(frontier);
      frontier &= frontier - 1;
      long fresh = conflicts[v] & ~component;
      component |= fresh;
      frontier |= fresh;
    }
    return component;
  }

  /** α of the graph induced by {@code mask}: the size of its largest independent set. */
  static int alpha(long[] conflicts, long mask) {
    if (mask == 0) {
      return 0;
    }
    int low = -1;
    int lowDegree = Integer.MAX_VALUE;
    int high = -1;
    int highDegree = -1;
    for (long m = mask; m != 0; m &= m - 1) {
      int v = Long.numberOfTrailingZeros(m);
      int degree = Long.bitCount(conflicts[v] & mask);
      if (degree < lowDegree) {
        lowDegree = degree;
        low = v;
      }
      if (degree > highDegree) {
        highDegree = degree;
        high = v;
      }
    }
    if (lowDegree <= 1) {
      return 1 + alpha(conflicts, mask & ~(1L << low) & ~conflicts[low]);
    }
    long without = mask & ~(1L << high);
    return Math.max(alpha(conflicts, without), 1 + alpha(conflicts, without & ~conflicts[high]));
  }
}
