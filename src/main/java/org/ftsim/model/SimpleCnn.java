package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code cnn}, the prototype's SimpleCNN ({@code models.py} at e862337): Conv2d(c, 32, 3,
 * padding=1), ReLU, MaxPool2d(2), Conv2d(32, 64, 3, padding=1), ReLU, MaxPool2d(2), flatten,
 * Dropout(0.5), Linear(64·h/4·w/4, 500), ReLU, Dropout(0.5), Linear(500, outputs): 4096 inputs to
 * the hidden layer and 2,072,902 parameters for CIFAR-10, 3136 and 1,592,326 for MNIST. Needs
 * images of at least 4×4.
 *
 * <p>DL4J's dropout probability is the probability of <em>keeping</em> an activation and applies to
 * a layer's input, so PyTorch's Dropout(0.5) on the flattened features is the 500-unit layer's
 * {@code Dropout(0.5)} and the one before the output layer is that layer's.
 */
final class SimpleCnn extends SequentialArchitecture {

  private static final int KERNEL = 3;
  private static final int PADDING = 1;

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public String summary() {
    return "the prototype's SimpleCNN: two padded 3×3 convolutions and max-poolings, dropout,"
        + " 500 hidden; images of at least 4×4";
  }

  @Override
  public String layers() {
    return "the prototype's SimpleCNN: Conv2d(c, 32, 3, padding=1), ReLU, MaxPool(2), Conv2d(32,"
        + " 64, 3, padding=1), ReLU, MaxPool(2), Dropout(0.5), Linear(4096, 500), ReLU,"
        + " Dropout(0.5), Linear(500, out)";
  }

  @Override
  public boolean isRegressionModel() {
    return false;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    return Layers.unsuitableForTwoStages(name(), KERNEL, PADDING, shape);
  }

  @Override
  public MultiLayerConfiguration configuration(InputShape input, int outputs, boolean regression) {
    return Layers.list(true)
        .layer(Layers.convolution(KERNEL, PADDING, 32))
        .layer(Layers.maxPool())
        .layer(Layers.convolution(KERNEL, PADDING, 64))
        .layer(Layers.maxPool())
        .layer(
            new DenseLayer.Builder()
                .nOut(500)
                .activation(Activation.RELU)
                .dropOut(new Dropout(0.5))
                .build())
        .layer(Layers.output(outputs, regression).dropOut(new Dropout(0.5)).build())
        .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
        .build();
  }
}
