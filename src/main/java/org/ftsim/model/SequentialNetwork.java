package org.ftsim.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@link Network} over a DL4J {@link MultiLayerNetwork}, a stack of layers. */
public final class SequentialNetwork extends Dl4jNetwork {

  private final MultiLayerNetwork network;

  /** Wraps {@code network}, initialised ({@code init()}) and of FLOAT data type. */
  public SequentialNetwork(MultiLayerNetwork network) {
    super(network, initialised(network), layer -> 1);
    this.network = network;
  }

  private static Layer[] initialised(MultiLayerNetwork network) {
    if (network.getLayers() == null) {
      throw new IllegalArgumentException("the MultiLayerNetwork is not initialised: call init()");
    }
    return network.getLayers();
  }

  @Override
  void computeGradientAndScore(INDArray features, INDArray labels) {
    network.setInput(features);
    network.setLabels(labels);
    network.computeGradientAndScore();
  }

  @Override
  INDArray infer(INDArray features) {
    return network.output(features, false);
  }
}
