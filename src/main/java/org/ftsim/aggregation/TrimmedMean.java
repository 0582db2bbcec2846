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
    int[] kept =
        ColumnOrder.forEach(
            gradients,
            CoordinateUse.all(n),
            SelectionNetwork.of(n, b, n - b),
            (ordered, width, offset, use) -> {
              // Summed in rank order, so the result does not depend on the order of the rows.
              double[] sum = new double[width];
              for (int r = b; r < n - b; r++) {
                float[] rank = ordered[r];
                for (int j = 0; j < width; j++) {
                  sum[j] += rank[j];
                }
              }
              for (int j = 0; j < width; j++) {
                out[offset + j] = (float) (sum[j] / keep);
                use.mark(offset + j, ordered[b][j], ordered[n - b - 1][j]);
              }
            });
    return ColumnOrder.aggregation(out, keep, kept);
  }

  @Override
  public String toString() {
    return "trimmed-mean:" + trimPerSide;
  }
}
