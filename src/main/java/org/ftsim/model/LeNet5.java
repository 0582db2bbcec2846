package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code lenet}, LeNet-5 as in PyTorch's CIFAR tutorial: Conv2d(c, 6, 5), ReLU, MaxPool2d(2),
 * Conv2d(6, 16, 5), ReLU, MaxPool2d(2), Linear(16·h'·w', 120), ReLU, Linear(120, 84), ReLU,
 * Linear(84, outputs); for 32×32 inputs h' = w' = 5 (62,006 parameters for 10 classes). Needs
 * images of at least 16×16.
 */
final class LeNet5 extends SequentialArchitecture {

  private static final int KERNEL = 5;

  @Override
  public String name() {
    return "lenet";
  }

  @Override
  public String summary() {
    return "LeNet-5: two 5×5 convolutions and max-poolings, 120 and 84 hidden;"
        + " images of at least 16×16";
  }

  @Override
  public String layers() {
    return "LeNet-5 as PyTorch's CIFAR tutorial: Conv2d(c, 6, 5), ReLU, MaxPool(2), Conv2d(6, 16,"
        + " 5), ReLU, MaxPool(2), Linear(400, 120), ReLU, Linear(120, 84), ReLU, Linear(84, out)";
  }

  @Override
  public boolean isRegressionModel() {
    return false;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    return Layers.unsuitableForTwoStages(name(), KERNEL, shape);
  }

  @Override
  public MultiLayerConfiguration configuration(InputShape input, int outputs, boolean regression) {
    return Layers.list(true)
        .layer(Layers.convolution(KERNEL, 6))
        .layer(Layers.maxPool())
        .layer(Layers.convolution(KERNEL, 16))
        .layer(Layers.maxPool())
        .layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).build())
        .layer(Layers.output(outputs, regression).build())
        .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
        .build();
  }
}
