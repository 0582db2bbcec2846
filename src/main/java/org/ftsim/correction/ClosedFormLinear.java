package org.ftsim.correction;

/**
 * {@code linear}: the prototype's regression, a univariate ordinary least-squares line on min-max
 * scaled coordinates, in closed form on the driver. Over the N usable pairs of all replica rows,
 * with x' and y' scaled to [0, 1]:
 *
 * <pre>
 *   b = Σ (x'_i − x̄')(y'_i − ȳ') / Σ (x'_i − x̄')²,   a = ȳ' − b·x̄',
 *   ŷ = min_y + (max_y − min_y)·(a + b·x')
 * </pre>
 *
 * accumulated in double over two passes (means, then centred sums). Least squares is equivariant
 * under affine changes of x and y, so ŷ equals the unscaled OLS line ȳ + cov(x, y)/var(x)·(x − x̄):
 * the scaling only conditions the sums. Constant x: the mean of y (see {@link Regressor}).
 */
public final class ClosedFormLinear implements Regressor {

  @Override
  public RegressionModel fit(ReplicaPairs pairs) {
    if (pairs.constantInput()) {
      return AffineModel.constant(pairs.honestMean());
    }
    MinMax sx = pairs.faultyScale();
    MinMax sy = pairs.honestScale();
    double sumX = 0;
    double sumY = 0;
    for (int r = 0; r < pairs.rows(); r++) {
      float[] xs = pairs.faulty(r);
      float[] ys = pairs.honest(r);
      for (int j = 0; j < xs.length; j++) {
        float x = xs[j];
        float y = ys[j];
        if (Float.isFinite(x) && Float.isFinite(y)) {
          sumX += sx.scale(x);
          sumY += sy.scale(y);
        }
      }
    }
    double meanX = sumX / pairs.usable();
    double meanY = sumY / pairs.usable();
    double sxx = 0;
    double sxy = 0;
    for (int r = 0; r < pairs.rows(); r++) {
      float[] xs = pairs.faulty(r);
      float[] ys = pairs.honest(r);
      for (int j = 0; j < xs.length; j++) {
        float x = xs[j];
        float y = ys[j];
        if (Float.isFinite(x) && Float.isFinite(y)) {
          double dx = sx.scale(x) - meanX;
          sxx += dx * dx;
          sxy += dx * (sy.scale(y) - meanY);
        }
      }
    }
    double b = sxy / sxx;
    return AffineModel.fromScaled(meanY - b * meanX, b, sx, sy);
  }

  @Override
  public String toString() {
    return "linear";
  }
}
