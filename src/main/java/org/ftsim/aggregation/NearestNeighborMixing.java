package org.ftsim.aggregation;

import java.util.Arrays;

/**
 * Nearest neighbour mixing (NNM): replace every input by the mean of its n − f nearest inputs
 * (itself included), y_i = 1/(n − f) Σ_{j ∈ N_i} x_j.
 *
 * <p>Precondition n > 2f; f = 0 replaces every row by the exact {@link Mean}. Neighbours are ranked
 * by squared distance ({@link PairwiseDistances}, Gram identity), ties by lower index. A non-finite
 * row is infinitely far from the others: it enters no honest row's neighbourhood while at most f
 * rows are non-finite (its own output stays non-finite). Each output's sources are its n − f
 * neighbours. Allouah, Farhadkhani, Guerraoui, Gupta, Pinot, Stephan, "Fixing by mixing: a recipe
 * for optimal Byzantine ML under heterogeneity", AISTATS 2023.
 */
public final class NearestNeighborMixing implements PreAggregator {

  private final int tolerated;

  /** NNM for f = {@code tolerated}. */
  public NearestNeighborMixing(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("nnm", n, tolerated);
  }

  @Override
  public float[][] apply(float[][] gradients) {
    return preAggregate(gradients).rows();
  }

  @Override
  public PreAggregation preAggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    int keep = n - tolerated;
    double[][] squared = keep == n ? new double[n][n] : PairwiseDistances.of(gradients).squared();
    int[][] neighbours = neighbours(squared);
    float[][] out = mix(gradients, neighbours, keep);
    int[][] sources = new int[n][];
    for (int i = 0; i < n; i++) {
      sources[i] = neighbours[i].clone();
    }
    return new PreAggregation(out, sources);
  }

  /**
   * Each of the n rows' n − f nearest rows (itself included), increasing, from their squared
   * distances (n × n); every row when f = 0.
   */
  int[][] neighbours(double[][] squared) {
    int n = squared.length;
    checkFeasible(n);
    int keep = n - tolerated;
    int[][] neighbours = new int[n][];
    if (keep == n) {
      int[] all = CoordinateUse.all(n);
      Arrays.fill(neighbours, all);
    } else {
      for (int i = 0; i < n; i++) {
        int[] order = Krum.orderByScore(squared[i]);
        int[] mine = Arrays.copyOf(order, keep);
        Arrays.sort(mine);
        neighbours[i] = mine;
      }
    }
    return neighbours;
  }

  /**
   * Row i replaced by the float mean of rows {@code neighbours[i]} ({@code keep} of them), summed
   * in their order: coordinate by coordinate, so a block of the rows gives that block of the
   * result.
   */
  static float[][] mix(float[][] gradients, int[][] neighbours, int keep) {
    int n = gradients.length;
    int d = gradients[0].length;
    float scale = 1f / keep;
    float[][] out = new float[n][d];
    CoordinateBlocks.forEach(
        d,
        (block, from, to) -> {
          for (int i = 0; i < n; i++) {
            float[] sum = out[i];
            for (int k : neighbours[i]) {
              float[] row = gradients[k];
              for (int j = from; j < to; j++) {
                sum[j] += row[j];
              }
            }
            for (int j = from; j < to; j++) {
              sum[j] *= scale;
            }
          }
        });
    return out;
  }

  /**
   * NNM from the rows' squared distances, then the coordinate-wise rule {@code ruleSpec} built for
   * f = {@code ruleTolerated}: to be combined block by block.
   */
  BlockCombination.Mixing mixing(
      double[][] squared, String ruleSpec, int ruleTolerated, long seed) {
    int keep = squared.length - tolerated;
    return new BlockCombination.Mixing(neighbours(squared), keep, ruleSpec, ruleTolerated, seed);
  }

  @Override
  public String toString() {
    return "nnm";
  }
}
