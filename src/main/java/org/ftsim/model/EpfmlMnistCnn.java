package org.ftsim.model;

import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.dropout.SpatialDropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;

/**
 * {@code epfml-mnist-cnn}, the MNIST network of Karimireddy, He and Jaggi's bucketing code
 * (epfml/byzantine-robust-noniid-optimizer, {@code codes/tasks/mnist.py}, {@code Net}): Conv2d(1,
 * 32, 3), ReLU, Conv2d(32, 64, 3) (no activation, as there), MaxPool2d(2), Dropout2d(0.25),
 * flatten, Linear(9216, 128), ReLU, Dropout(0.5), Linear(128, 10), log-softmax with NLL (softmax
 * cross-entropy here): 1,199,882 parameters. Inputs normalised with mean 0.1307 and std 0.3081, as
 * its loader. Dropout2d drops whole channels (DL4J's spatial dropout); the reference's second
 * Dropout2d acts on a flat (N, 128) tensor, where it drops single units.
 */
final class EpfmlMnistCnn extends SequentialArchitecture {

  static final InputShape INPUT = new InputShape(1, 28, 28);

  /** MNIST's mean and standard deviation, as torchvision's Normalize((0.1307,), (0.3081,)). */
  static final float[] MNIST_NORMALISATION = {0.1307f, 0.3081f};

  @Override
  public String name() {
    return "epfml-mnist-cnn";
  }

  @Override
  public String summary() {
    return "the bucketing code's MNIST CNN (epfml): two 3×3 convolutions, max-pool, dropout, 128"
        + " hidden; 1×28×28 images, normalised as MNIST";
  }

  @Override
  public String layers() {
    return "epfml/byzantine-robust-noniid-optimizer's Net: Conv2d(1, 32, 3), ReLU, Conv2d(32, 64,"
        + " 3), MaxPool(2), Dropout2d(0.25), Linear(9216, 128), ReLU, Dropout(0.5), Linear(128,"
        + " 10)";
  }

  @Override
  public boolean isRegressionModel() {
    return false;
  }

  @Override
  public float[] inputNormalisation() {
    return MNIST_NORMALISATION.clone();
  }

  @Override
  public InputShape referenceInput() {
    return INPUT;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    return onlyMnist(name(), shape);
  }

  /** Why a network for 1×28×28 images only cannot take {@code shape}, or null. */
  static String onlyMnist(String arch, InputShape shape) {
    return shape.equals(INPUT)
        ? null
        : arch
            + " takes 1×28×28 images, as its source (MNIST); got "
            + shape.channels()
            + "×"
            + shape.height()
            + "×"
            + shape.width();
  }

  @Override
  public MultiLayerConfiguration configuration(InputShape input, int outputs, boolean regression) {
    return Layers.list(true)
        .layer(Layers.convolution(3, 32))
        .layer(
            new ConvolutionLayer.Builder(3, 3)
                .stride(1, 1)
                .nOut(64)
                .convolutionMode(ConvolutionMode.Truncate)
                .activation(Activation.IDENTITY)
                .build())
        .layer(Layers.maxPool())
        // DL4J's dropout probability is the probability of keeping.
        .layer(new DropoutLayer.Builder().dropOut(new SpatialDropout(0.75)).build())
        .layer(new DenseLayer.Builder().nOut(128).activation(Activation.RELU).build())
        .layer(Layers.output(outputs, regression).dropOut(new Dropout(0.5)).build())
        .setInputType(InputType.convolutionalFlat(input.height(), input.width(), input.channels()))
        .build();
  }
}
