package org.ftsim.aggregation;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The prototype's mean filter: reduce each input to the scalar mean of its coordinates, μ_i = (1/d)
 * Σ_j x_ij, score it by its total distance to the others, s_i = Σ_{l≠i} |μ_i − μ_l|, drop the f
 * inputs of largest score and average the n − f others.
 *
 * <p>Precondition n > 2f; f = 0 is exactly {@link Mean}. A non-finite input has score +∞ and is
 * left out of the others' scores. k = n − f; the rows used are the kept ones (lowest index first
 * among equal scores); the scores s_i are reported. A cheap detector, not a proven robust rule: it
 * removes only faults that move a gradient's mean. From the ftsim prototype's {@code mean_filter}
 * (left unfinished there).
 */
public final class MeanFilter implements Aggregator {

  private final int tolerated;

  /** The mean filter dropping f = {@code tolerated} inputs. */
  public MeanFilter(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("mean-filter", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    int d = Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    if (tolerated == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    double[] means = new double[n];
    IntStream.range(0, n).parallel().forEach(i -> means[i] = sum(gradients[i]) / d);
    double[] scores = new double[n];
    double[] gaps = new double[n];
    for (int i = 0; i < n; i++) {
      if (!Double.isFinite(means[i])) {
        scores[i] = Double.POSITIVE_INFINITY;
        continue;
      }
      int m = 0;
      for (int l = 0; l < n; l++) {
        if (l != i && Double.isFinite(means[l])) {
          gaps[m++] = Math.abs(means[i] - means[l]);
        }
      }
      // Added in increasing order, so that the score does not depend on the order of the rows.
      Arrays.sort(gaps, 0, m);
      double s = 0;
      for (int r = 0; r < m; r++) {
        s += gaps[r];
      }
      scores[i] = s;
    }
    int[] order = Krum.orderByScore(scores);
    boolean[] keep = new boolean[n];
    for (int r = 0; r < n - tolerated; r++) {
      keep[order[r]] = true;
    }
    return Aggregation.selected(Rows.mean(gradients, keep), n - tolerated, keep, scores);
  }

  private static double sum(float[] x) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < x.length; j += 4) {
      s0 += x[j];
      s1 += x[j + 1];
      s2 += x[j + 2];
      s3 += x[j + 3];
    }
    for (; j < x.length; j++) {
      s0 += x[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  @Override
  public String toString() {
    return "mean-filter";
  }
}
