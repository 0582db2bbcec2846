package org.ftsim.aggregation;

/**
 * Mean around median: per coordinate, the average of the n − f values closest to the median,
 * [MeaMed_f(x)]_j = 1/(n − f) Σ_{r ∈ N_j} x_rj.
 *
 * <p>Precondition n > 2f; f = 0 is exactly {@link Mean}. Ties in distance to the median are broken
 * towards the lower value; NaN is ordered as +∞, so a non-finite value is farthest. k = n − f; a
 * row is used when it lay within the kept range of some coordinate. Xie, Koyejo, Gupta,
 * "Generalized Byzantine-tolerant SGD", 2018.
 */
public final class MeaMed implements Aggregator {

  private final int tolerated;

  /** Mean around median for f = {@code tolerated}. */
  public MeaMed(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("meamed", n, tolerated);
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
    if (tolerated == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    return closestToMedian(gradients, CoordinateUse.all(n), n - tolerated, d);
  }

  /**
   * Per coordinate, the mean of the {@code keep} values of rows {@code members} closest to their
   * median; shared with {@link Bulyan}.
   */
  static Aggregation closestToMedian(float[][] rows, int[] members, int keep, int d) {
    int m = members.length;
    int exclude = m - keep;
    int lo = (m - 1) / 2;
    int hi = m / 2;
    float[] out = new float[d];
    int[] kept =
        ColumnOrder.forEach(
            rows,
            members,
            SelectionNetwork.of(m, 0, m),
            (ordered, width, offset, use) -> {
              double[] median = new double[width];
              for (int j = 0; j < width; j++) {
                median[j] = 0.5 * ((double) ordered[lo][j] + (double) ordered[hi][j]);
              }
              // The kept values are the window [start, start + keep) of the ordered ones. Dropping
              // the farther end e = m - keep times (the upper one on a tie, so that the lower of
              // two equidistant values stays) merges the decreasing distances of the low end,
              // L_r = median - v_r, with those of the high end, H_s = v_(m-1-s) - median: the low
              // value of rank r < e is dropped iff L_r > H_(e-1-r), i.e. v_(keep+r).
              int[] start = new int[width];
              for (int r = 0; r < exclude; r++) {
                float[] low = ordered[r];
                float[] high = ordered[keep + r];
                for (int j = 0; j < width; j++) {
                  if (median[j] - low[j] > high[j] - median[j]) {
                    start[j]++;
                  }
                }
              }
              // Summed in rank order, so that the result does not depend on the order of the rows.
              double[] sum = new double[width];
              for (int r = 0; r < m; r++) {
                float[] v = ordered[r];
                for (int j = 0; j < width; j++) {
                  if (r >= start[j] && r < start[j] + keep) {
                    sum[j] += v[j];
                  }
                }
              }
              for (int j = 0; j < width; j++) {
                out[offset + j] = (float) (sum[j] / keep);
              }
              for (int j = 0; j < width; j++) {
                use.mark(offset + j, ordered[start[j]][j], ordered[start[j] + keep - 1][j]);
              }
            });
    return ColumnOrder.aggregation(out, keep, kept);
  }

  @Override
  public String toString() {
    return "meamed";
  }
}
