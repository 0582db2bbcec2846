package org.ftsim.aggregation;

/**
 * The coordinate-wise median: [Median(x_1..x_n)]_j = median(x_1j, ..., x_nj), the mean of the two
 * middle values when n is even.
 *
 * <p>Precondition n > 2f. NaN is ordered as +∞. k is the number of values averaged per coordinate
 * (1 for odd n, 2 for even n); a row is used when it supplied a middle value in some coordinate.
 * Computed by a {@link SelectionNetwork} for the middle ranks, vectorised over coordinates. Yin,
 * Chen, Ramchandran, Bartlett, "Byzantine-robust distributed learning: towards optimal statistical
 * rates", ICML 2018.
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
    int lo = (n - 1) / 2;
    int hi = n / 2;
    int[] kept =
        ColumnOrder.forEach(
            gradients,
            CoordinateUse.all(n),
            SelectionNetwork.of(n, lo, hi + 1),
            (ordered, width, offset, use) -> {
              float[] low = ordered[lo];
              float[] high = ordered[hi];
              for (int j = 0; j < width; j++) {
                float a = low[j];
                float b = high[j];
                out[offset + j] = a == b ? a : (float) (0.5 * ((double) a + (double) b));
                use.mark(offset + j, a, b);
              }
            });
    return ColumnOrder.aggregation(out, hi - lo + 1, kept);
  }

  @Override
  public String toString() {
    return "median";
  }
}
