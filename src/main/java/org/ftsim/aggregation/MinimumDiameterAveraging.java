package org.ftsim.aggregation;

/**
 * Minimum-diameter averaging (MDA): the mean of the n − f rows whose diameter is smallest, (1/(n −
 * f)) Σ_{i ∈ S*} x_i with S* ∈ argmin_{|S| = n − f} max_{i,j ∈ S} ‖x_i − x_j‖.
 *
 * <p>Exact: {@link SubsetSearch} over the subsets, pruned by the diameter of partial subsets (a
 * subset's diameter bounds that of every superset). Precondition n > 2f and C(n, f) ≤ {@value
 * #MAX_SUBSETS}: equidistant rows (a regular simplex) tie everywhere and prune nothing, and C(24,
 * 8) = 735,471 subsets took 0.16 s on 2 shared cores ({@code ExactSearchBenchmark}). f = 0 is the
 * exact {@link Mean}. Equal diameters are broken by the lowest indices. A non-finite row is
 * infinitely far from the others, so it enters S* only if more than f rows are non-finite (the mean
 * of all is then returned). k = n − f, the rows of S* used. El Mhamdi, Guerraoui, Guirguis, Hoang,
 * Rouault, "Genuinely distributed Byzantine machine learning", PODC 2020; ByzFL's {@code MDA}
 * (which enumerates all subsets).
 */
public final class MinimumDiameterAveraging implements Aggregator {

  /** The largest number of candidate subsets, C(n, f), the exact search accepts. */
  public static final long MAX_SUBSETS = 1_000_000;

  private final int tolerated;

  /** MDA for f = {@code tolerated}. */
  public MinimumDiameterAveraging(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("mda", n, tolerated);
    SubsetSearch.requireFeasible("mda", n, tolerated, MAX_SUBSETS);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    if (tolerated == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    double[][] squared = PairwiseDistances.of(gradients).squared();
    int[] subset = SubsetSearch.minimise(n - tolerated, centralFirst(squared), diameter(squared));
    if (subset == null) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    boolean[] used = Rows.mask(n, subset);
    return new Aggregation(Rows.mean(gradients, used), subset.length, used);
  }

  /** The squared diameter, extended by the new member's distances to the others. */
  static SubsetSearch.MonotoneCost diameter(double[][] squared) {
    return (parent, members, size, bound) -> {
      int added = members[size - 1];
      double c = parent;
      for (int k = 0; k < size - 1; k++) {
        c = Math.max(c, squared[added][members[k]]);
      }
      return c;
    };
  }

  /** Rows by increasing sum of squared distances to the others (ties by index). */
  static int[] centralFirst(double[][] squared) {
    return Krum.orderByScore(Krum.scores(squared, -2));
  }

  @Override
  public String toString() {
    return "mda";
  }
}
