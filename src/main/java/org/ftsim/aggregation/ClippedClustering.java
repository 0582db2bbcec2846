package org.ftsim.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Clipped clustering: clip every row to τ = min(median of all the norms seen so far, τ_max), split
 * the rows into two clusters by agglomerative clustering (average linkage) of their cosine
 * distances 1 − cos(x_i, x_j), and average the clipped rows of the larger cluster.
 *
 * <p>The norms of every call are kept (state: use one instance per run; {@link #reset()} forgets
 * them, {@link #state()} carries them in checkpoints as floats), so τ follows the history of the
 * run, as in Blades. Cosines come from the pairwise distances (x_i·x_j = ½(‖x_i‖² + ‖x_j‖² − ‖x_i −
 * x_j‖²)). A row with a non-finite coordinate has norm +∞ in the history and cosine distance 2 to
 * every row (as Blades maps NaN and ±∞), and is never averaged; so is a zero row's distance.
 * Clusters merge by the smallest mean distance (lowest indices among equals) until two remain; the
 * larger wins, the one holding row 0 when they are equal. The declared f only sets the precondition
 * n > 2f. k is the number of rows averaged; a row's discarded share is 1 when it is left out, else
 * 1 − its clipping factor min(1, τ/‖x_i‖). Li, Lyu, Wang, Chen, Luo, "An experimental study of
 * Byzantine-robust aggregation schemes in federated learning", IEEE TBD 2023; Blades' {@code
 * Clippedclustering} (τ_max = 10⁵, average linkage, mean).
 */
public final class ClippedClustering implements Aggregator {

  /** τ_max, the cap of the clipping threshold. */
  public static final double DEFAULT_MAX_THRESHOLD = 1e5;

  private final int tolerated;
  private final double maxThreshold;
  private float[] history = new float[0];

  /** Clipped clustering checked for f = {@code tolerated}, with τ_max = maxThreshold. */
  public ClippedClustering(int tolerated, double maxThreshold) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
    if (!(maxThreshold > 0)) {
      throw new IllegalArgumentException("clipped-clustering tau must be > 0; got " + maxThreshold);
    }
    this.maxThreshold = maxThreshold;
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("clipped-clustering", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public void reset() {
    history = new float[0];
  }

  @Override
  public CarriedState state() {
    return new CarriedState(0, history.clone());
  }

  @Override
  public void restore(CarriedState state) {
    history = state.vector() == null ? new float[0] : state.vector().clone();
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    double[] norms = NormClipping.norms(gradients);
    int seen = history.length;
    history = Arrays.copyOf(history, seen + n);
    double[] all = new double[seen + n];
    for (int i = 0; i < seen + n; i++) {
      if (i >= seen) {
        history[i] = (float) norms[i - seen];
      }
      all[i] = history[i];
    }
    double threshold = Math.min(NormClipping.median(all), maxThreshold);
    PairwiseDistances.Result distances = PairwiseDistances.of(gradients);
    double[][] cosine = cosineDistances(distances.squared(), distances.far(), norms);
    boolean[] used = NormClipping.larger(averageLinkage(cosine));
    for (int i = 0; i < n; i++) {
      used[i] &= !distances.far()[i];
    }
    if (Rows.count(used) == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    return Aggregation.clipped(
        NormClipping.clippedMean(gradients, norms, threshold, used),
        Rows.count(used),
        NormClipping.factors(norms, threshold, used),
        null);
  }

  /** 1 − cos(x_i, x_j), or 2 where a row is far or zero. */
  static double[][] cosineDistances(double[][] squared, boolean[] far, double[] norms) {
    int n = norms.length;
    double[][] out = new double[n][n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (i == j) {
          continue;
        }
        double product = norms[i] * norms[j];
        if (far[i] || far[j] || !(product > 0) || !Double.isFinite(product)) {
          out[i][j] = 2;
        } else {
          double dot = 0.5 * (norms[i] * norms[i] + norms[j] * norms[j] - squared[i][j]);
          out[i][j] = 1 - Math.max(-1, Math.min(1, dot / product));
        }
      }
    }
    return out;
  }

  /**
   * Labels (0, 1) of agglomerative clustering with average linkage cut at two clusters; label 1 is
   * the cluster that does not hold row 0.
   */
  static int[] averageLinkage(double[][] distance) {
    int n = distance.length;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      clusters.add(new ArrayList<>(List.of(i)));
    }
    while (clusters.size() > 2) {
      int bestA = 0;
      int bestB = 1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double s = 0;
          for (int i : clusters.get(a)) {
            for (int j : clusters.get(b)) {
              s += distance[i][j];
            }
          }
          s /= (double) clusters.get(a).size() * clusters.get(b).size();
          if (s < best) {
            best = s;
            bestA = a;
            bestB = b;
          }
        }
      }
      clusters.get(bestA).addAll(clusters.remove(bestB));
    }
    int[] labels = new int[n];
    if (clusters.size() == 2) {
      for (int i : clusters.get(1)) {
        labels[i] = 1;
      }
    }
    return labels;
  }

  @Override
  public String toString() {
    return "clipped-clustering:tau=" + maxThreshold;
  }
}
