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
    float[] out = new float[d];
    boolean[][] used = new boolean[CoordinateBlocks.count(d)][];
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          float[] a = new float[m];
          double[] dist = new double[m];
          double[] work = new double[m];
          float[] range = new float[2];
          CoordinateUse use = new CoordinateUse(rows, members);
          for (int j = from; j < to; j++) {
            for (int i = 0; i < m; i++) {
              a[i] = OrderStatistics.key(rows[members[i]][j]);
            }
            double sum = OrderStatistics.sumClosestToMedian(a, m, keep, dist, work, range);
            out[j] = (float) (sum / keep);
            use.mark(j, range[0], range[1]);
          }
          used[block] = use.used();
        });
    return new Aggregation(out, keep, CoordinateUse.union(used, rows.length));
  }

  @Override
  public String toString() {
    return "meamed";
  }
}
