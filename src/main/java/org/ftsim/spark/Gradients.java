package org.ftsim.spark;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;

/** One worker's gradient: the gradient of its mean loss over a sub-batch, DL4J computing it. */
public final class Gradients {

  private Gradients() {}

  /** A computed gradient as bytes (little-endian floats) and the mean loss. */
  public record Result(byte[] gradient, double loss) {}

  /**
   * Computes the gradient of the mean loss of {@code net} (at its current parameters) over the
   * samples {@code indices} of {@code data}, on flipped labels when {@code flipLabels}.
   */
  public static Result compute(
      MultiLayerNetwork net, Dataset data, int[] indices, boolean flipLabels) {
    net.setInput(Batches.features(data, indices));
    net.setLabels(Batches.labels(data, indices, flipLabels));
    net.computeGradientAndScore();
    // DL4J's raw gradient is the sum over the minibatch; the mean loss's is 1/b of it.
    INDArray gradient = net.gradient().gradient();
    if (gradient.data().length() != gradient.length()) {
      throw new IllegalStateException("the flat gradient is not a whole buffer");
    }
    gradient.divi(indices.length);
    byte[] bytes = FloatBytes.read(gradient.data());
    double loss = net.score();
    net.clear();
    return new Result(bytes, loss);
  }
}
