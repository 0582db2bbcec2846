package org.ftsim.aggregation;

import org.ftsim.linalg.Vectors;

/**
 * Static norm clipping: x_i ↦ x_i · min(1, c / ‖x_i‖₂).
 *
 * <p>c > 0. A non-finite row has no direction to keep, so it becomes the zero vector (norm 0 ≤ c).
 * Norms are computed in double. One output row per input, with its factor. As in ByzFL's {@code
 * Clipping} (default c = 2).
 */
public final class StaticClipping implements PreAggregator {

  /** c, ByzFL's default threshold. */
  public static final double DEFAULT_CLIP_RADIUS = 2;

  private final double clipRadius;

  /** Clips every row to norm at most {@code clipRadius} (c). */
  public StaticClipping(double clipRadius) {
    if (!(clipRadius > 0) || !Double.isFinite(clipRadius)) {
      throw new IllegalArgumentException("clip c must be finite and > 0; got " + clipRadius);
    }
    this.clipRadius = clipRadius;
  }

  @Override
  public float[][] apply(float[][] gradients) {
    return preAggregate(gradients).rows();
  }

  @Override
  public PreAggregation preAggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    double[] norms = new double[gradients.length];
    for (int i = 0; i < norms.length; i++) {
      norms[i] = Vectors.norm(gradients[i]);
    }
    return PreAggregation.scaled(clip(gradients, norms, clipRadius), factors(norms, clipRadius));
  }

  /** Each row's factor min(1, radius/‖x_i‖), 0 for a non-finite row (which becomes zero). */
  static double[] factors(double[] norms, double radius) {
    double[] f = new double[norms.length];
    for (int i = 0; i < f.length; i++) {
      double norm = norms[i];
      f[i] = !Double.isFinite(norm) ? 0 : norm > radius ? radius / norm : 1;
    }
    return f;
  }

  /**
   * Each row scaled to norm at most {@code radius} given its norm; non-finite rows become zero;
   * rows within the radius are returned as they are.
   */
  static float[][] clip(float[][] gradients, double[] norms, double radius) {
    float[][] out = new float[gradients.length][];
    for (int i = 0; i < gradients.length; i++) {
      float[] row = gradients[i];
      double norm = norms[i];
      if (!Double.isFinite(norm)) {
        out[i] = new float[row.length];
      } else if (norm > radius) {
        double scale = radius / norm;
        float[] r = new float[row.length];
        for (int j = 0; j < r.length; j++) {
          r[j] = (float) (row[j] * scale);
        }
        out[i] = r;
      } else {
        out[i] = row;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return "clip:" + clipRadius;
  }
}
