package org.ftsim.spark;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.data.Dataset;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** One worker's gradient: the gradient of its mean loss over a sub-batch, DL4J computing it. */
public final class Gradients {

  /** Stands in for a zero seed, which libnd4j does not honour. */
  private static final long NONZERO_SEED = 0x5EED;

  private Gradients() {}

  /** A computed gradient as bytes (little-endian floats) and the mean loss. */
  public record Result(byte[] gradient, double loss) {}

  /**
   * {@link #compute(MultiLayerNetwork, Dataset, int[], boolean, long)} with random seed 0 (fixed
   * masks): for networks without dropout and for tests.
   */
  public static Result compute(
      MultiLayerNetwork net, Dataset data, int[] indices, boolean flipLabels) {
    return compute(net, data, indices, flipLabels, 0);
  }

  /**
   * Computes the gradient of the mean loss of {@code net} (at its current parameters) over the
   * samples {@code indices} of {@code data}, on flipped labels when {@code flipLabels}. The random
   * draws of the computation (dropout masks) come from ND4J's per-thread generator, seeded here by
   * {@code randomSeed}: the same seed gives the same masks on any thread of any executor.
   */
  public static Result compute(
      MultiLayerNetwork net, Dataset data, int[] indices, boolean flipLabels, long randomSeed) {
    // libnd4j treats seed 0 as "unseeded" (fresh masks at every call): never pass it.
    Nd4j.getRandom().setSeed(randomSeed != 0 ? randomSeed : NONZERO_SEED);
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
