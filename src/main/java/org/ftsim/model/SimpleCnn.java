package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code cnn}, the prototype's SimpleCNN: Conv2d(c, 32, 3), ReLU, MaxPool2d(2), Conv2d(32, 64, 3),
 * ReLU, MaxPool2d(2), Dropout(0.25), Linear(64·h'·w', 500), ReLU, Dropout(0.5), Linear(500,
 * outputs); for 32×32 inputs h' = w' = 6 (1,176,902 parameters for 10 classes). Needs images of at
 * least 10×10.
 *
 * <p>DL4J's dropout probability is the probability of <em>keeping</em> an activation and applies to
 * a layer's input, so PyTorch's Dropout(0.25) before the 500-unit layer is that layer's {@code
 * Dropout(0.75)} and Dropout(0.5) before the output layer is its {@code Dropout(0.5)}.
 */
final class SimpleCnn implements Architecture {

  private static final int KERNEL = 3;

  @Override
  public String name() {
    return "cnn";
  }

  @Override
  public String summary() {
    return "the prototype's SimpleCNN: two 3×3 convolutions and max-poolings, dropout, 500 hidden;"
        + " images of at least 10×10";
  }

  @Override
  public String layers() {
    return "the prototype's SimpleCNN: Conv2d(c, 32, 3), ReLU, MaxPool(2), Conv2d(32, 64, 3), ReLU,"
        + " MaxPool(2), Dropout(0.25), Linear(2304, 500), ReLU, Dropout(0.5), Linear(500, out)";
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
        .layer(Layers.convolution(KERNEL, 32))
        .layer(Layers.maxPool())
        .layer(Layers.convolution(KERNEL, 64))
        .layer(Layers.maxPool())
        .layer(
            new DenseLayer.Builder()
                .nOut(500)
                .activation(Activation.RELU)
                .dropOut(new Dropout(0.75))
                .build())
        .layer(Layers.output(outputs, regression).dropOut(new Dropout(0.5)).build())
        .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
        .build();
  }
}
