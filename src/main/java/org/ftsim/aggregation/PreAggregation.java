package org.ftsim.aggregation;

import java.util.Arrays;

/**
 * The result of a pre-aggregator.
 *
 * @param rows the transformed rows
 * @param sources for each output row, the (increasing) indices of the input rows it was computed
 *     from
 * @param factors for each output row, the factor in [0, 1] its sources were scaled by (a clipping
 *     factor; 0 for a non-finite row zeroed; 1 for rows that mix their sources unscaled, as
 *     nearest-neighbour mixing and bucketing do)
 */
public record PreAggregation(float[][] rows, int[][] sources, double[] factors) {

  public PreAggregation {
    if (sources.length != rows.length || factors.length != rows.length) {
      throw new IllegalArgumentException(
          "one source list and factor per row; got "
              + rows.length
              + " rows, "
              + sources.length
              + " source lists, "
              + factors.length
              + " factors");
    }
  }

  /** Rows computed from their sources without scaling (factor 1 each). */
  public PreAggregation(float[][] rows, int[][] sources) {
    this(rows, sources, ones(rows.length));
  }

  /** Output row i comes from input row i alone. */
  public static PreAggregation oneToOne(float[][] rows) {
    return scaled(rows, ones(rows.length));
  }

  /** Output row i is input row i scaled by {@code factors[i]}. */
  public static PreAggregation scaled(float[][] rows, double[] factors) {
    int[][] sources = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      sources[i] = new int[] {i};
    }
    return new PreAggregation(rows, sources, factors);
  }

  /** The largest number of inputs combined into one output row (1 for one-to-one). */
  public int fanIn() {
    int m = 1;
    for (int[] s : sources) {
      m = Math.max(m, s.length);
    }
    return m;
  }

  private static double[] ones(int n) {
    double[] f = new double[n];
    Arrays.fill(f, 1);
    return f;
  }
}
