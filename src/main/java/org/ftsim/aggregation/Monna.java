package org.ftsim.aggregation;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ftsim.linalg.Vectors;

/**
 * MoNNA: the mean of the n − f rows nearest to a trusted pivot row, (1/(n − f)) Σ_{i ∈ N_p} x_i,
 * where N_p holds the n − f rows closest to x_p (x_p itself included, at distance 0).
 *
 * <p>The pivot p is a row index (default 0: the first report that arrived, worker 0 unless it
 * crashed), a row the server trusts to be correct, as in the peer-to-peer setting MoNNA comes from,
 * where p is the aggregating node's own vector; the rule is robust only while row p is honest, and
 * it is not invariant to a permutation of the workers. Precondition n > 2f and p < n. Ties in
 * distance go to the lower index. f = 0 is the exact {@link Mean}. A non-finite row is infinitely
 * far, so it enters N_p only if more than f rows are bad; a non-finite pivot makes the result
 * non-finite. k = n − f, the rows of N_p used; each row's score is its squared distance to the
 * pivot. Farhadkhani, Guerraoui, Gupta, Hoang, Pinot, Stephan, "Robust collaborative learning with
 * linear gradient overhead", ICML 2023; ByzFL's {@code MoNNA} (idx = 0 by default).
 */
public final class Monna implements Aggregator {

  /** p, the trusted row. */
  public static final int DEFAULT_PIVOT = 0;

  private final int tolerated;
  private final int pivot;

  /** MoNNA for f = {@code tolerated} around row {@code pivot}. */
  public Monna(int tolerated, int pivot) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
    this.pivot = Feasibility.nonNegative("monna pivot", pivot);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("monna", n, tolerated);
    if (pivot >= n) {
      throw new IllegalArgumentException(
          "monna needs pivot < n; got n=" + n + ", pivot=" + pivot + ", f=" + tolerated);
    }
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  /** p, the index of the trusted row. */
  public int pivot() {
    return pivot;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    if (tolerated == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    // Only the pivot's n distances are needed: O(n·d) differences in double, rows in parallel.
    double[] fromPivot = new double[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double s = Vectors.squaredDistance(gradients[pivot], gradients[i]);
              fromPivot[i] = Double.isNaN(s) ? Double.POSITIVE_INFINITY : s;
            });
    // The pivot is its own nearest neighbour even when it is not finite (distance 0 to itself).
    fromPivot[pivot] = Double.NEGATIVE_INFINITY;
    int[] nearest = Arrays.copyOf(Krum.orderByScore(fromPivot), n - tolerated);
    boolean[] used = Rows.mask(n, nearest);
    fromPivot[pivot] = 0;
    return Aggregation.selected(Rows.mean(gradients, used), nearest.length, used, fromPivot);
  }

  @Override
  public String toString() {
    return "monna:pivot=" + pivot;
  }
}
