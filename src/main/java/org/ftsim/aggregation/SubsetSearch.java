package org.ftsim.aggregation;

/**
 * The exact minimiser, over all subsets of {@code keep} of n rows, of a cost that never decreases
 * when a row is added (a diameter, a largest eigenvalue of a scatter matrix), by depth-first branch
 * and bound: the cost of a partial subset bounds every completion, so a branch whose partial cost
 * already exceeds the best complete subset is cut. Exact, but C(n, n − keep) subsets in the worst
 * case (all rows equidistant); {@link #requireFeasible} refuses sizes beyond a limit.
 *
 * <p>Rows are tried in a given order (central rows first, so that a good subset is found early and
 * prunes the rest). Among equal costs the subset with the lexicographically smallest sorted indices
 * wins. A subset of infinite cost is never chosen; when every subset is infinite the search returns
 * null.
 */
final class SubsetSearch {

  /** A set cost that can only grow when a member is added. */
  @FunctionalInterface
  interface MonotoneCost {
    /**
     * The cost of {@code members[0..size)}, whose last member was just added to a subset of cost
     * {@code parent} (0 for the empty subset); any value above {@code bound} (the best complete
     * cost so far) may be returned for a subset whose cost certainly exceeds it.
     */
    double extend(double parent, int[] members, int size, double bound);
  }

  private final int n;
  private final int keep;
  private final int[] order;
  private final MonotoneCost cost;
  private final int[] members;
  private int[] best;
  private double bestCost = Double.POSITIVE_INFINITY;

  private SubsetSearch(int keep, int[] order, MonotoneCost cost) {
    this.n = order.length;
    this.keep = keep;
    this.order = order;
    this.cost = cost;
    this.members = new int[keep];
  }

  /**
   * The sorted indices of a subset of {@code keep} rows of least cost, trying rows in {@code order}
   * (a permutation of 0..n−1); null when every subset costs +∞.
   */
  static int[] minimise(int keep, int[] order, MonotoneCost cost) {
    SubsetSearch search = new SubsetSearch(keep, order, cost);
    search.visit(0, 0, 0);
    return search.best;
  }

  /**
   * Throws, naming the limit, unless C(n, f) ≤ {@code limit}: {@code "<rule> needs C(n, f) <=
   * <limit> subsets; got n=<n>, f=<f>"}.
   */
  static void requireFeasible(String rule, int n, int f, long limit) {
    Feasibility.require(
        binomial(n, f) <= limit,
        rule,
        "C(n, f) <= " + limit + " subsets (exact search)",
        n,
        "f",
        f);
  }

  /** C(n, k), saturating at Long.MAX_VALUE. */
  static long binomial(int n, int k) {
    if (k < 0 || k > n) {
      return 0;
    }
    k = Math.min(k, n - k);
    long c = 1;
    for (int i = 1; i <= k; i++) {
      // c · (n − k + i) / i is exact at every step; stop before it overflows.
      long factor = n - k + i;
      if (c > Long.MAX_VALUE / factor) {
        return Long.MAX_VALUE;
      }
      c = c * factor / i;
    }
    return c;
  }

  private void visit(int position, int size, double partial) {
    if (size == keep) {
      offer(partial);
      return;
    }
    if (n - position < keep - size) {
      return;
    }
    members[size] = order[position];
    double c = cost.extend(partial, members, size + 1, bestCost);
    // Equal costs are explored too, so that ties are settled by the indices, not the order.
    if (c < Double.POSITIVE_INFINITY && !(c > bestCost)) {
      visit(position + 1, size + 1, c);
    }
    // Leaving row order[position] out.
    if (position - size < n - keep) {
      visit(position + 1, size, partial);
    }
  }

  private void offer(double c) {
    int[] sorted = members.clone();
    java.util.Arrays.sort(sorted);
    if (best == null || c < bestCost || (c == bestCost && smaller(sorted, best))) {
      best = sorted;
      bestCost = c;
    }
  }

  private static boolean smaller(int[] a, int[] b) {
    return java.util.Arrays.compare(a, b) < 0;
  }
}
