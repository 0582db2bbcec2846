package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
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
    MultiLayerNetwork net = new MultiLayerNetwork(configuration(input, outputs, regression));
    net.init();
    return new SequentialNetwork(net);
  }
}
