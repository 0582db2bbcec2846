package org.ftsim.model;

import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.api.Layer;
import org.ftsim.base.Seeds;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * PyTorch's default initialisation, so that training starts as the prototype's does: every weight
 * and bias of a layer with fan-in m is drawn from U(−1/√m, 1/√m) (nn.Linear's and nn.Conv2d's
 * kaiming_uniform(a=√5) and bias rule). m is the number of inputs of one output unit: the input
 * size of a dense layer, in_channels·kh·kw of a convolution (its weights' length over its output
 * channels). Layers without weights (pooling, batch normalisation: γ = 1, β = 0, running mean 0 and
 * variance 1 as DL4J and PyTorch start them) are skipped. Draws are seeded per (seed, layer,
 * parameter), layers in DL4J's order.
 */
public final class ParamInit {

  private ParamInit() {}

  /** The initial flat parameter vector of {@code spec}'s network for {@code seed}. */
  public static float[] pytorchDefault(ModelSpec spec, long seed) {
    return pytorchDefault(spec.network(), seed);
  }

  /**
   * As {@link #pytorchDefault(ModelSpec, long)} for a network already built (by {@link
   * ModelSpec#network()}), whose parameters it overwrites.
   */
  public static float[] pytorchDefault(Network network, long seed) {
    Dl4jNetwork net = (Dl4jNetwork) network;
    Layer[] layers = net.layers();
    for (int l = 0; l < layers.length; l++) {
      Map<String, INDArray> table = layers[l].paramTable();
      INDArray weights = table.get("W");
      if (weights == null) {
        continue;
      }
      long fanIn = weights.length() / outputs(layers[l]);
      double bound = 1 / Math.sqrt(fanIn);
      int p = 0;
      for (Map.Entry<String, INDArray> e : table.entrySet()) {
        INDArray view = e.getValue();
        SplittableRandom random = Seeds.random(seed, Seeds.INIT, l, p++);
        float[] values = new float[(int) view.length()];
        for (int i = 0; i < values.length; i++) {
          values[i] = (float) ((2 * random.nextDouble() - 1) * bound);
        }
        view.assign(Nd4j.create(values, view.shape(), view.ordering()));
      }
    }
    return net.parameters();
  }

  private static long outputs(Layer layer) {
    return ((org.deeplearning4j.nn.conf.layers.FeedForwardLayer) layer.conf().getLayer()).getNOut();
  }
}
