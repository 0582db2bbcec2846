package org.ftsim.correction;

import java.util.Arrays;

/**
 * A fitted multilayer perceptron on one input, as {@link MultilayerPerceptron} fits: x' = (x −
 * x_min) / x_range, two ReLU hidden layers, a linear output o, and ŷ = y_min + y_range·o. Every
 * number is a float held here, so {@link ModelState} stores the model exactly.
 *
 * <p>Parameters, in order: x_min, x_range, y_min, y_range; W1 (h1), b1 (h1); W2 (h1 × h2, row k
 * holds the weights from hidden unit k of layer 1), b2 (h2); W3 (h2), b3 (1). A non-finite x gives
 * a non-finite ŷ.
 */
public final class PerceptronModel implements RegressionModel {

  private final int first;
  private final int second;
  private final float[] parameters;

  /**
   * The network with hidden sizes {@code first} and {@code second} and {@code parameters} in the
   * order of the class comment.
   *
   * @throws IllegalArgumentException when the count does not match the sizes
   */
  public PerceptronModel(int first, int second, float[] parameters) {
    if (first < 1 || second < 1 || parameters.length != count(first, second)) {
      throw new IllegalArgumentException(
          "a perceptron of hidden sizes "
              + first
              + ", "
              + second
              + " needs "
              + count(first, second)
              + " parameters; got "
              + parameters.length);
    }
    this.first = first;
    this.second = second;
    this.parameters = parameters.clone();
  }

  /** The number of parameters, scalings included, for hidden sizes h1, h2. */
  static int count(int first, int second) {
    return 4 + 2 * first + first * second + second + second + 1;
  }

  @Override
  public float[] predict(float[] faulty) {
    float[] p = parameters;
    double xMin = p[0];
    double xRange = p[1];
    double yMin = p[2];
    double yRange = p[3];
    int w1 = 4;
    int b1 = w1 + first;
    int w2 = b1 + first;
    int b2 = w2 + first * second;
    int w3 = b2 + second;
    int b3 = w3 + second;
    double[] h1 = new double[first];
    float[] out = new float[faulty.length];
    for (int j = 0; j < faulty.length; j++) {
      double x = (faulty[j] - xMin) / xRange;
      for (int k = 0; k < first; k++) {
        h1[k] = relu(p[w1 + k] * x + p[b1 + k]);
      }
      double o = p[b3];
      for (int m = 0; m < second; m++) {
        double s = p[b2 + m];
        for (int k = 0; k < first; k++) {
          s += p[w2 + k * second + m] * h1[k];
        }
        o += p[w3 + m] * relu(s);
      }
      out[j] = (float) (yMin + yRange * o);
    }
    return out;
  }

  /** max(0, v); NaN stays NaN. */
  private static double relu(double v) {
    return v > 0 || Double.isNaN(v) ? v : 0;
  }

  /** The first hidden layer's size. */
  public int first() {
    return first;
  }

  /** The second hidden layer's size. */
  public int second() {
    return second;
  }

  /** A copy of the parameters, in the order of the class comment. */
  public float[] parameters() {
    return parameters.clone();
  }

  @Override
  public String toString() {
    return "mlp(" + first + ", " + second + ") " + Arrays.toString(Arrays.copyOf(parameters, 4));
  }
}
