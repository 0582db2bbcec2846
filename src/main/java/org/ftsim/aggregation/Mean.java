package org.ftsim.aggregation;

/** The plain average of all rows: no robustness, k = n. */
public final class Mean implements Aggregator {

  @Override
  public Aggregation aggregate(float[][] gradients) {
    checkFeasible(gradients.length);
    return Aggregation.ofAll(mean(gradients), gradients.length);
  }

  /** The coordinate-wise mean of the rows, accumulated in row order (deterministic). */
  public static float[] mean(float[][] rows) {
    int d = rows[0].length;
    float[] sum = new float[d];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        sum[j] += row[j];
      }
    }
    float scale = 1f / rows.length;
    for (int j = 0; j < d; j++) {
      sum[j] *= scale;
    }
    return sum;
  }

  @Override
  public String toString() {
    return "mean";
  }
}
