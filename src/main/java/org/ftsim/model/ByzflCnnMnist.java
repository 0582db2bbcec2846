package org.ftsim.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code byzfl-cnn-mnist}, ByzFL's {@code cnn_mnist} ({@code byzfl/fed_framework/models.py}):
 * Conv2d(1, 20, 5), ReLU, MaxPool2d(2), Conv2d(20, 50, 5), ReLU, MaxPool2d(2), flatten, Linear(800,
 * 500), ReLU, Linear(500, 10), log-softmax with NLL (softmax cross-entropy here): 431,080
 * parameters. Inputs normalised with mean 0.1307 and std 0.3081, as ByzFL's benchmark ({@code
 * transforms_mnist}).
 */
final class ByzflCnnMnist extends SequentialArchitecture {

  @Override
  public String name() {
    return "byzfl-cnn-mnist";
  }

  @Override
  public String summary() {
    return "ByzFL's cnn_mnist: two 5×5 convolutions and max-poolings, 500 hidden; 1×28×28 images,"
        + " normalised as MNIST";
  }

  @Override
  public String layers() {
    return "ByzFL's cnn_mnist: Conv2d(1, 20, 5), ReLU, MaxPool(2), Conv2d(20, 50, 5), ReLU,"
        + " MaxPool(2), Linear(800, 500), ReLU, Linear(500, 10)";
  }

  @Override
  public boolean isRegressionModel() {
    return false;
  }

  @Override
  public float[] inputNormalisation() {
    return EpfmlMnistCnn.MNIST_NORMALISATION.clone();
  }

  @Override
  public InputShape referenceInput() {
    return EpfmlMnistCnn.INPUT;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    return EpfmlMnistCnn.onlyMnist(name(), shape);
  }

  @Override
  public MultiLayerConfiguration configuration(InputShape input, int outputs, boolean regression) {
    return Layers.list(true)
        .layer(Layers.convolution(5, 20))
        .layer(Layers.maxPool())
        .layer(Layers.convolution(5, 50))
        .layer(Layers.maxPool())
        .layer(new DenseLayer.Builder().nOut(500).activation(Activation.RELU).build())
        .layer(Layers.output(outputs, regression).build())
        .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
        .build();
  }
}
