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
   * Per input row, its discarded share from those of the rows {@link #apply} combined ({@code
   * combined}, the whole rows' shares): the same array unless the combination mixes rows first.
   */
  default double[] inputsDiscarded(double[] combined) {
    return combined;
  }

  /** The rule's own score of each row, decided with the plan (null: none). */
  default double[] scores() {
    return null;
  }

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
   * @param discarded per row, the share the rule discarded (null: 0 if used, else 1)
   * @param scores per row, the rule's own score (null: none)
   */
  record Weighted(double[] weights, int kept, boolean[] used, double[] discarded, double[] scores)
      implements BlockCombination {

    private static final long serialVersionUID = 1L;

    /** Rows used whole or not at all, no scores. */
    public Weighted(double[] weights, int kept, boolean[] used) {
      this(weights, kept, used, null, null);
    }

    @Override
    public Aggregation apply(float[][] rows) {
      if (weights == null) {
        return Aggregation.ofAll(Rows.mean(rows, null), rows.length);
      }
      return new Aggregation(
          Rows.combine(rows, weights),
          kept,
          used.clone(),
          discarded == null ? Aggregation.selection(used) : discarded.clone(),
          scores == null ? null : scores.clone());
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
      // Per mixed row, the inner rule's share: mapped to the inputs once whole ({@link
      // #inputsDiscarded}), as a share of each block is not the whole row's.
      return new Aggregation(inner.gradient(), inner.kept(), used, inner.discarded(), null);
    }

    /**
     * An input's share is the least of those of the mixed rows that hold it (StageTrace's most
     * favourable route through a stage of factor 1).
     */
    @Override
    public double[] inputsDiscarded(double[] combined) {
      double[] in = new double[combined.length];
      java.util.Arrays.fill(in, 1);
      for (int r = 0; r < neighbours.length; r++) {
        for (int s : neighbours[r]) {
          in[s] = Math.min(in[s], combined[r]);
        }
      }
      return in;
    }

    @Override
    public int kept(int ruleKept, boolean[] used) {
      int fanIn = Math.max(1, keep);
      return fanIn == 1 ? ruleKept : (int) Math.min(Rows.count(used), (long) ruleKept * fanIn);
    }
  }
}
