package org.ftsim.aggregation;

import java.util.Arrays;
import org.ftsim.linalg.Vectors;

/**
 * Adaptive robust clipping (ARC): clip the k = ⌊2 (f/n) (n − f)⌋ inputs of largest norm to the norm
 * of the (k+1)-th largest, x_i ↦ x_i · min(1, ‖x_π(k+1)‖ / ‖x_i‖).
 *
 * <p>Precondition n > 2f; f = 0 clips nothing. A non-finite row's norm counts as +∞ (it is among
 * the largest) and, having no direction, it becomes the zero vector. One output row per input.
 * Allouah, Guerraoui, Gupta, Jellouli, Rizk, Stephan, "The vital role of gradient clipping in
 * Byzantine-resilient distributed learning", 2024; known answer from ByzFL's {@code ARC}.
 */
public final class AdaptiveRobustClipping implements PreAggregator {

  private final int tolerated;

  /** ARC for f = {@code tolerated}. */
  public AdaptiveRobustClipping(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("arc", n, tolerated);
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
    double[] norms = new double[n];
    for (int i = 0; i < n; i++) {
      double norm = Vectors.norm(gradients[i]);
      norms[i] = Double.isNaN(norm) ? Double.POSITIVE_INFINITY : norm;
    }
    int clipped = (int) ((2L * tolerated * (n - tolerated)) / n);
    double[] sorted = norms.clone();
    Arrays.sort(sorted);
    double threshold = sorted[n - clipped - 1];
    return PreAggregation.scaled(
        StaticClipping.clip(gradients, norms, threshold), StaticClipping.factors(norms, threshold));
  }

  @Override
  public String toString() {
    return "arc";
  }
}
