package org.ftsim.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The {@link Network} over a DL4J {@link MultiLayerNetwork}, a stack of layers. */
public final class SequentialNetwork extends Dl4jNetwork {

  private final MultiLayerNetwork network;

  /** Its batched pass when it is a plain stack of dense layers, else null. */
  private final DenseStack stack;

  /** Wraps {@code network}, initialised ({@code init()}) and of FLOAT data type. */
  public SequentialNetwork(MultiLayerNetwork network) {
    super(network, initialised(network), layer -> 1);
    this.network = network;
    this.stack = DenseStack.of(network);
  }

  @Override
  DenseStack batched() {
    return stack;
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

  @Override
  long activations(INDArray oneRow) {
    return network.feedForward(oneRow, false).stream().mapToLong(INDArray::length).sum();
  }
}
