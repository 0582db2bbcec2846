package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code mlp}: Linear(d, 512), ReLU, Linear(512, 128), ReLU, Linear(128, outputs); takes any input,
 * flattened.
 */
final class Mlp extends SequentialArchitecture {

  @Override
  public String name() {
    return "mlp";
  }

  @Override
  public String summary() {
    return "d-512-128-out perceptron, ReLU; any input";
  }

  @Override
  public String layers() {
    return "Linear(d, 512), ReLU, Linear(512, 128), ReLU, Linear(128, out)";
  }

  @Override
  public boolean isRegressionModel() {
    return false;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    return null;
  }

  @Override
  public MultiLayerConfiguration configuration(InputShape input, int outputs, boolean regression) {
    return Layers.list(false)
        .layer(
            new DenseLayer.Builder()
                .nIn(input.size())
                .nOut(512)
                .activation(Activation.RELU)
                .build())
        .layer(new DenseLayer.Builder().nIn(512).nOut(128).activation(Activation.RELU).build())
        .layer(Layers.output(outputs, regression).nIn(128).build())
        .build();
  }
}
