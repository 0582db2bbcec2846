package org.ftsim.correction;

import java.util.Arrays;

/**
 * A piecewise-constant map of one variable: the exact flattening of a tree ensemble on one
 * continuous feature (what {@link MllibGradientBoostedTrees} fits). With ascending split thresholds
 * t_1 &lt; … &lt; t_m on the scaled input s = scale(x), a tree sends s left at a split t when s ≤ t
 * (Spark's rule), so the ensemble is constant on (−∞, t_1], (t_1, t_2], …, (t_m, ∞) and x gets
 * {@code values[#{k : t_k < s}]}; NaN goes right at every split, into the last piece.
 *
 * <p>Evaluation, about as cheap as a linear map: scale(x) is non-decreasing in x, so each t_k is
 * turned once into the largest float X_k with scale(X_k) ≤ t_k, and {@code t_k < scale(x)} iff
 * {@code X_k < x}. The floats are bucketed by the top 16 bits of their order-preserving bit pattern
 * (buckets a 128th of a binade wide, which suits gradients' heavy tails): a table gives the first
 * bound of x's bucket, and only the few bounds inside that bucket are compared.
 */
final class StepFunction implements RegressionModel {

  private static final int BUCKETS = 1 << 16;

  private final float[] bounds;
  private final float[] values;
  private final int[] first;

  /**
   * @param scale the input scaling the thresholds are in
   * @param thresholds ascending, distinct
   * @param values {@code thresholds.length + 1} outputs, in gradient units
   */
  StepFunction(MinMax scale, double[] thresholds, float[] values) {
    this(bounds(scale, thresholds), values);
  }

  /**
   * The step function with input bounds X_1 ≤ … ≤ X_m (finite or ±∞, no NaN) and m + 1 values: x
   * gets {@code values[#{k : X_k < x}]}; what {@link #bounds()} and {@link #values()} return.
   */
  StepFunction(float[] bounds, float[] values) {
    if (values.length != bounds.length + 1) {
      throw new IllegalArgumentException(
          "a step function needs one value more than thresholds; got "
              + values.length
              + " and "
              + bounds.length);
    }
    for (int k = 0; k < bounds.length; k++) {
      if (Float.isNaN(bounds[k]) || k > 0 && bounds[k] < bounds[k - 1]) {
        throw new IllegalArgumentException(
            "a step function's bounds must ascend without NaN; got " + Arrays.toString(bounds));
      }
    }
    this.bounds = bounds.clone();
    this.values = values.clone();
    // first[b] = #{k : bucket(X_k) < b}, for b in [0, BUCKETS].
    this.first = new int[BUCKETS + 1];
    for (float bound : bounds) {
      first[bucket(bound) + 1]++;
    }
    for (int b = 0; b < BUCKETS; b++) {
      first[b + 1] += first[b];
    }
  }

  private static float[] bounds(MinMax scale, double[] thresholds) {
    float[] bounds = new float[thresholds.length];
    for (int k = 0; k < thresholds.length; k++) {
      bounds[k] = largestAtMost(scale, thresholds[k]);
    }
    return bounds;
  }

  /** The largest float x with scale(x) ≤ t (−∞ when t &lt; scale(−∞) cannot hold). */
  private static float largestAtMost(MinMax scale, double t) {
    float x = (float) scale.unscale(t);
    if (Float.isNaN(x)) {
      x = 0;
    }
    while (x != Float.NEGATIVE_INFINITY && !(scale.scale(x) <= t)) {
      x = Math.nextDown(x);
    }
    while (x != Float.POSITIVE_INFINITY && scale.scale(Math.nextUp(x)) <= t) {
      x = Math.nextUp(x);
    }
    // −0 and +0 compare equal; +0 keeps the buckets consistent with float order.
    return x + 0f;
  }

  /** The bucket of a non-NaN float: the top 16 bits of an int ordered as the floats. */
  private static int bucket(float x) {
    int bits = Float.floatToRawIntBits(x + 0f);
    int ordered = bits ^ ((bits >> 31) & 0x7FFFFFFF);
    return (ordered >> 16) + (BUCKETS >> 1);
  }

  @Override
  public float[] predict(float[] faulty) {
    return lookUp(faulty, values);
  }

  /** Scales the m + 1 values once, then looks up. */
  @Override
  public float[] predict(float[] faulty, double factor) {
    float[] scaled = new float[values.length];
    for (int k = 0; k < scaled.length; k++) {
      scaled[k] = (float) (factor * values[k]);
    }
    return lookUp(faulty, scaled);
  }

  private float[] lookUp(float[] faulty, float[] pieces) {
    float[] out = new float[faulty.length];
    int last = bounds.length;
    for (int j = 0; j < out.length; j++) {
      float x = faulty[j];
      if (x != x) {
        out[j] = pieces[last];
        continue;
      }
      int b = bucket(x);
      int low = first[b];
      int high = first[b + 1];
      // The bounds of x's bucket are few: count those below x.
      while (high - low > 4) {
        int middle = (low + high) >>> 1;
        if (bounds[middle] < x) {
          low = middle + 1;
        } else {
          high = middle;
        }
      }
      while (low < high && bounds[low] < x) {
        low++;
      }
      out[j] = pieces[low];
    }
    return out;
  }

  /** The input bounds X_k between the pieces, ascending (a copy). */
  float[] bounds() {
    return bounds.clone();
  }

  /** The value of each piece (a copy). */
  float[] values() {
    return values.clone();
  }

  /** The number of constant pieces. */
  int pieces() {
    return values.length;
  }

  @Override
  public String toString() {
    return "step function of " + values.length + " pieces, bounds " + Arrays.toString(bounds);
  }
}
