package org.ftsim.aggregation;

import java.io.Serializable;
import org.ftsim.base.Spec;

/**
 * What is left of a defense once the rows' pairwise distances have decided everything that needs
 * whole rows: a combination that works coordinate by coordinate, so that applied to any block of
 * the rows' coordinates it gives that block of the defense's aggregate ({@code --aggregate-on
 * executors}). Its k over the whole rows is {@link #kept}.
 */
public interface BlockCombination extends Serializable {

  /**
   * The combination over {@code rows} (every row that arrived, whole or one block of their
   * coordinates): that block of the aggregate, the k of the rule that combined them, and per row
   * whether it was used in some coordinate of the block.
   */
  Aggregation apply(float[][] rows);

  /**
   * The defense's k from the k of {@link #apply} (the same in every block) and the rows used in
   * some block, as {@link Defense#apply} computes it on the whole rows.
   */
  default int kept(int ruleKept, boolean[] used) {
    return ruleKept;
  }

  /**
   * The weighted sum Σ_i a_i x_i ({@link Rows#combine}), or with no weights the mean of every row.
   *
   * @param weights a_i per row, or null for the mean of every row
   * @param kept k
   * @param used per row, whether it was used (null with no weights: all)
   */
  record Weighted(double[] weights, int kept, boolean[] used) implements BlockCombination {

    private static final long serialVersionUID = 1L;

    @Override
    public Aggregation apply(float[][] rows) {
      if (weights == null) {
        return Aggregation.ofAll(Rows.mean(rows, null), rows.length);
      }
      return new Aggregation(Rows.combine(rows, weights), kept, used.clone());
    }
  }

  /**
   * Nearest-neighbour mixing ({@code --pre nnm}), then a coordinate-wise rule over the mixed rows.
   *
   * @param neighbours per row, the rows it mixes, increasing
   * @param keep n − f, the rows each mixes
   * @param ruleSpec the coordinate-wise rule's spec
   * @param tolerated the rule's f
   * @param seed the run's seed
   */
  record Mixing(int[][] neighbours, int keep, String ruleSpec, int tolerated, long seed)
      implements BlockCombination {

    private static final long serialVersionUID = 1L;

    @Override
    public Aggregation apply(float[][] rows) {
      float[][] mixed = NearestNeighborMixing.mix(rows, neighbours, keep);
      Aggregation inner =
          AggregatorRegistry.create(Spec.parse(ruleSpec), tolerated, seed).aggregate(mixed);
      boolean[] used = new boolean[rows.length];
      for (int r = 0; r < inner.used().length; r++) {
        if (inner.used()[r]) {
          for (int s : neighbours[r]) {
            used[s] = true;
          }
        }
      }
      return new Aggregation(inner.gradient(), inner.kept(), used);
    }

    @Override
    public int kept(int ruleKept, boolean[] used) {
      int fanIn = Math.max(1, keep);
      return fanIn == 1 ? ruleKept : (int) Math.min(Rows.count(used), (long) ruleKept * fanIn);
    }
  }
}
