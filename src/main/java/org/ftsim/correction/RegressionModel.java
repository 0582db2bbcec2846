package org.ftsim.correction;

/**
 * A fitted regression: predicts a true gradient, coordinate by coordinate, from a corrupted one.
 */
public interface RegressionModel {

  /** The predicted true gradient, a new array of the same length as {@code faulty}. */
  float[] predict(float[] faulty);

  /** {@code factor} × the prediction, a new array; models override it to scale in the same pass. */
  default float[] predict(float[] faulty, double factor) {
    float[] out = predict(faulty);
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (factor * out[j]);
    }
    return out;
  }
}
