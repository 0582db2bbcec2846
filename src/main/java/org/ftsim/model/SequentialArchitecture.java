package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.data.InputShape;

/** An architecture that is a stack of layers: a DL4J {@link MultiLayerNetwork}. */
abstract class SequentialArchitecture implements Architecture {

  /**
   * The DL4J configuration, layers only. Precondition: {@code unsuitableInput(input) == null}.
   *
   * @param outputs classes (softmax cross-entropy), or outputs when {@code regression} (MSE)
   */
  public abstract MultiLayerConfiguration configuration(
      InputShape input, int outputs, boolean regression);

  @Override
  public final Network network(InputShape input, int outputs, boolean regression) {
    return new SequentialNetwork(initialised(configuration(input, outputs, regression)));
  }

  /**
   * A new, initialised network of {@code conf}, its convolutions and pooling through oneDNN when it
   * has no batch normalisation ({@link OneDnn}).
   */
  static MultiLayerNetwork initialised(MultiLayerConfiguration conf) {
    boolean batchNorm =
        conf.getConfs().stream().anyMatch(c -> c.getLayer() instanceof BatchNormalization);
    return OneDnn.build(
        !batchNorm,
        () -> {
          MultiLayerNetwork net = new MultiLayerNetwork(conf);
          net.init();
          return net;
        });
  }
}
