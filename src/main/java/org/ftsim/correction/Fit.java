package org.ftsim.correction;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * One faulty worker's fitted correction model and its training report: the errors of its
 * predictions on its own training pairs (all usable pairs, also when the regressor fitted on a
 * sample) and the time the fit took.
 *
 * @param worker the faulty worker
 * @param regressor the regressor's spec, e.g. {@code linear}; the {@code model} column of §8
 * @param model the fitted model
 * @param mse mean of (y − ŷ)² over the usable pairs
 * @param mape mean of |(y − ŷ) / y| over the usable pairs with y ≠ 0; NaN when there are none
 * @param prototypeMape what the prototype printed as MAPE: scikit-learn's {@code
 *     mean_absolute_percentage_error(y + 1, ŷ + 1)}, the mean of |y − ŷ| / max(|y + 1|, ε) with ε
 *     the double machine epsilon, over the usable pairs; since gradient coordinates are small it is
 *     close to the mean absolute error
 * @param fitMs wall time of the fit in milliseconds: the scan of the pairs (ranges) and the
 *     regressor's fit, including building MLlib's DataFrame; not this report's errors
 * @param pairs the usable pairs
 */
public record Fit(
    int worker,
    String regressor,
    RegressionModel model,
    double mse,
    double mape,
    double prototypeMape,
    double fitMs,
    long pairs) {

  private static final double EPSILON = Math.ulp(1.0);

  /** Fits {@code regressor} to {@code pairs}, timing it, and evaluates the training errors. */
  static Fit of(int worker, Regressor regressor, ReplicaPairs pairs, long startNanos) {
    RegressionModel model = regressor.fit(pairs);
    double fitMs = (System.nanoTime() - startNanos) / 1e6;
    double squares = 0;
    double ratios = 0;
    long nonZero = 0;
    double shifted = 0;
    for (int r = 0; r < pairs.rows(); r++) {
      float[] xs = pairs.faulty(r);
      float[] ys = pairs.honest(r);
      float[] predicted = model.predict(xs);
      for (int j = 0; j < xs.length; j++) {
        float x = xs[j];
        float y = ys[j];
        if (!(Float.isFinite(x) && Float.isFinite(y))) {
          continue;
        }
        double error = (double) y - predicted[j];
        squares += error * error;
        if (y != 0) {
          ratios += Math.abs(error / y);
          nonZero++;
        }
        shifted += Math.abs(error) / Math.max(Math.abs(y + 1.0), EPSILON);
      }
    }
    long n = pairs.usable();
    return new Fit(
        worker,
        regressor.toString(),
        model,
        n == 0 ? Double.NaN : squares / n,
        nonZero == 0 ? Double.NaN : ratios / nonZero,
        n == 0 ? Double.NaN : shifted / n,
        fitMs,
        n);
  }

  /**
   * The prototype's report line, e.g. {@code [CORRECTION] Training loss (MSE, MAPE): 0.000123,
   * 0.0456}; numbers as Python's {@code %.6g}.
   */
  public String lossLine() {
    return "[CORRECTION] Training loss (MSE, MAPE): "
        + sixDigits(mse)
        + ", "
        + sixDigits(prototypeMape);
  }

  /** {@code value} as Python's {@code '%.6g' % value}: 6 significant digits, no trailing zeros. */
  static String sixDigits(double value) {
    if (Double.isNaN(value)) {
      return "nan";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "inf" : "-inf";
    }
    if (value == 0) {
      return Double.doubleToRawLongBits(value) == 0 ? "0" : "-0";
    }
    BigDecimal rounded = new BigDecimal(value).round(new MathContext(6, RoundingMode.HALF_EVEN));
    int exponent = rounded.precision() - rounded.scale() - 1;
    if (exponent < -4 || exponent >= 6) {
      String mantissa = rounded.movePointLeft(exponent).stripTrailingZeros().toPlainString();
      return mantissa
          + (exponent < 0 ? "e-" : "e+")
          + (Math.abs(exponent) < 10 ? "0" : "")
          + Math.abs(exponent);
    }
    return rounded.stripTrailingZeros().toPlainString();
  }
}
