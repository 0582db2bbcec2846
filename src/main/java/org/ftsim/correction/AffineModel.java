package org.ftsim.correction;

import java.util.Arrays;

/**
 * ŷ = intercept + slope·x per coordinate, evaluated in double and rounded to float; what the linear
 * regressors fit. A model of slope 0 ignores its input, so a non-finite coordinate gets the
 * constant too; otherwise a non-finite x gives a non-finite ŷ.
 */
public final class AffineModel implements RegressionModel {

  private final double intercept;
  private final double slope;

  /** The line ŷ = intercept + slope·x, both finite. */
  public AffineModel(double intercept, double slope) {
    if (!Double.isFinite(intercept) || !Double.isFinite(slope)) {
      throw new IllegalArgumentException(
          "an affine model needs a finite intercept and slope; got " + intercept + ", " + slope);
    }
    this.intercept = intercept;
    this.slope = slope;
  }

  /** The constant model ŷ = value. */
  static AffineModel constant(double value) {
    return new AffineModel(value, 0);
  }

  /**
   * The line a + b·x' fitted on min-max scaled data (x' = sx(x), y' = sy(y)), in gradient units:
   * slope = b·range_y / range_x, intercept = min_y + range_y·(a − b·min_x / range_x).
   */
  static AffineModel fromScaled(double a, double b, MinMax sx, MinMax sy) {
    return new AffineModel(
        sy.min() + sy.range() * (a - b * sx.min() * sx.inverse()), b * sy.range() * sx.inverse());
  }

  @Override
  public float[] predict(float[] faulty) {
    return line(faulty, intercept, slope);
  }

  /** factor·ŷ = factor·intercept + factor·slope·x, in one pass. */
  @Override
  public float[] predict(float[] faulty, double factor) {
    return line(faulty, factor * intercept, factor * slope);
  }

  private static float[] line(float[] x, double a, double b) {
    float[] out = new float[x.length];
    if (b == 0) {
      Arrays.fill(out, (float) a);
      return out;
    }
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (a + b * x[j]);
    }
    return out;
  }

  /** The intercept, in gradient units. */
  public double intercept() {
    return intercept;
  }

  /** The slope dŷ/dx (e.g. 1/F under {@code scale:F}). */
  public double slope() {
    return slope;
  }

  @Override
  public String toString() {
    return "y = " + intercept + " + " + slope + "·x";
  }
}
