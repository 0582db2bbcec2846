package org.ftsim.correction;

/**
 * Min-max scaling of one variable to [0, 1] over the values it was fitted on: s = (v − min) / (max
 * − min). As scikit-learn's {@code MinMaxScaler}, a constant variable (max = min) gets range 1, so
 * that it scales to 0 instead of NaN.
 */
record MinMax(double min, double range, double inverse) {

  /** The scaling that maps [min, max] onto [0, 1]; both must be finite. */
  static MinMax of(double min, double max) {
    double range = max - min;
    if (!(range > 0)) {
      range = 1;
    }
    return new MinMax(min, range, 1 / range);
  }

  double scale(double value) {
    return (value - min) * inverse;
  }

  double unscale(double scaled) {
    return min + range * scaled;
  }
}
