package org.ftsim.aggregation;

/**
 * The result of a pre-aggregator.
 *
 * @param rows the transformed rows
 * @param sources for each output row, the (increasing) indices of the input rows it was computed
 *     from
 */
public record PreAggregation(float[][] rows, int[][] sources) {

  /** Output row i comes from input row i alone. */
  public static PreAggregation oneToOne(float[][] rows) {
    int[][] sources = new int[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      sources[i] = new int[] {i};
    }
    return new PreAggregation(rows, sources);
  }

  /** The largest number of inputs combined into one output row (1 for one-to-one). */
  public int fanIn() {
    int m = 1;
    for (int[] s : sources) {
      m = Math.max(m, s.length);
    }
    return m;
  }
}
