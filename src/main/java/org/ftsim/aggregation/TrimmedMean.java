package org.ftsim.aggregation;

/**
 * The coordinate-wise trimmed mean: per coordinate, drop the b largest and b smallest values and
 * average the n − 2b others, [TrMean_b(x)]_j = 1/(n − 2b) Σ_{r=b+1}^{n−b} x_(r)j.
 *
 * <p>Precondition n > 2b; b defaults to f and b = 0 is exactly {@link Mean}. Tolerates b arbitrary
 * rows (NaN ordered as +∞). k = n − 2b, the values averaged per coordinate; a row is used when it
 * was kept in some coordinate. Two selections per coordinate, sums in double. Yin et al., ICML
 * 2018; known answer from ByzFL's {@code TrMean} documentation.
 */
public final class TrimmedMean implements Aggregator {

  private final int trimPerSide;

  /** Trims {@code trimPerSide} (b) values from each side of every coordinate. */
  public TrimmedMean(int trimPerSide) {
    this.trimPerSide = Feasibility.nonNegative("trimmed-mean b", trimPerSide);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.atLeastOne(n);
    Feasibility.require(n > 2 * trimPerSide, "trimmed-mean", "n > 2b", n, "b", trimPerSide);
  }

  @Override
  public int tolerated() {
    return trimPerSide;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    int d = Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    int b = trimPerSide;
    if (b == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    int keep = n - 2 * b;
    float[] out = new float[d];
    boolean[][] used = new boolean[CoordinateBlocks.count(d)][];
    int[] all = CoordinateUse.all(n);
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          float[] a = new float[n];
          CoordinateUse use = new CoordinateUse(gradients, all);
          for (int j = from; j < to; j++) {
            for (int i = 0; i < n; i++) {
              a[i] = OrderStatistics.key(gradients[i][j]);
            }
            OrderStatistics.select(a, 0, n, b);
            if (keep > 1) {
              OrderStatistics.select(a, b + 1, n, n - b - 1);
            }
            double sum = 0;
            for (int r = b; r < n - b; r++) {
              sum += a[r];
            }
            out[j] = (float) (sum / keep);
            use.mark(j, a[b], a[n - b - 1]);
          }
          used[block] = use.used();
        });
    return new Aggregation(out, keep, CoordinateUse.union(used, n));
  }

  @Override
  public String toString() {
    return "trimmed-mean:" + trimPerSide;
  }
}
