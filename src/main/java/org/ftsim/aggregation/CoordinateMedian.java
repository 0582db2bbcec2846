package org.ftsim.aggregation;

/**
 * The coordinate-wise median: [Median(x_1..x_n)]_j = median(x_1j, ..., x_nj), the mean of the two
 * middle values when n is even.
 *
 * <p>Precondition n > 2f. NaN is ordered as +∞. k is the number of values averaged per coordinate
 * (1 for odd n, 2 for even n); a row is used when it supplied a middle value in some coordinate.
 * Computed by selection (Hoare's FIND), never a full sort. Yin, Chen, Ramchandran, Bartlett,
 * "Byzantine-robust distributed learning: towards optimal statistical rates", ICML 2018.
 */
public final class CoordinateMedian implements Aggregator {

  private final int tolerated;

  /** The median for f = {@code tolerated} (used only by the precondition). */
  public CoordinateMedian(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("median", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    int d = Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    float[] out = new float[d];
    boolean[][] used = new boolean[CoordinateBlocks.count(d)][];
    int[] all = CoordinateUse.all(n);
    int lo = (n - 1) / 2;
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          float[] a = new float[n];
          CoordinateUse use = new CoordinateUse(gradients, all);
          for (int j = from; j < to; j++) {
            for (int i = 0; i < n; i++) {
              a[i] = OrderStatistics.key(gradients[i][j]);
            }
            OrderStatistics.select(a, 0, n, lo);
            float low = a[lo];
            float high = (n & 1) == 1 ? low : OrderStatistics.min(a, lo + 1, n);
            out[j] = low == high ? low : (float) (0.5 * ((double) low + (double) high));
            use.mark(j, low, high);
          }
          used[block] = use.used();
        });
    return new Aggregation(out, (n & 1) == 1 ? 1 : 2, CoordinateUse.union(used, n));
  }

  @Override
  public String toString() {
    return "median";
  }
}
