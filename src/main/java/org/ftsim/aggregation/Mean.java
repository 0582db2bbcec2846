package org.ftsim.aggregation;

/**
 * The plain average of all rows, (1/n) Σ_i x_i: no robustness (tolerates f = 0), k = n.
 *
 * <p>Coordinates are summed in float in row order and multiplied by 1/n; the robust rules that
 * reduce to the mean (f = 0) return exactly these bits.
 */
public final class Mean implements Aggregator {

  @Override
  public Aggregation aggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    return Aggregation.ofAll(mean(gradients), gradients.length);
  }

  /**
   * Coordinates [from, to) of {@link #mean(float[][])} into {@code out}, which holds zeros there:
   * the same bits, so that a pass over the rows can go block by block while each block is in cache.
   */
  public static void mean(float[][] rows, int from, int to, float[] out) {
    if (rows.length == 0) {
      throw new IllegalArgumentException("mean of no rows");
    }
    Rows.mean(rows, null, 1f / rows.length, from, to, out);
  }

  /** The coordinate-wise mean of the rows, accumulated in row order (deterministic). */
  public static float[] mean(float[][] rows) {
    Rows.requireMatrix(rows);
    return Rows.mean(rows, null);
  }

  @Override
  public String toString() {
    return "mean";
  }
}
