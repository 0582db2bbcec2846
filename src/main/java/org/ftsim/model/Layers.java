package org.ftsim.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The layers the architectures share, in PyTorch's conventions: convolutions stride 1 without
 * padding, 2×2 max-pooling flooring odd sizes, softmax cross-entropy or MSE outputs.
 */
final class Layers {

  private Layers() {}

  /**
   * A float network with no updater (the driver applies the optimizer to the flat vector).
   *
   * @param convolutional whether to cache im2col matrices between the passes
   */
  static NeuralNetConfiguration.ListBuilder list(boolean convolutional) {
    return new NeuralNetConfiguration.Builder()
        .dataType(DataType.FLOAT)
        .updater(new NoOp())
        .weightInit(WeightInit.UNIFORM)
        // Keep each convolution's im2col matrix from the forward pass for the backward one
        // rather than rebuilding it: the same bits, ~40% less time per cnn gradient.
        .cacheMode(convolutional ? CacheMode.DEVICE : CacheMode.NONE)
        .list();
  }

  /** The output layer: softmax cross-entropy, or identity with MSE when {@code regression}. */
  static OutputLayer.Builder output(int outputs, boolean regression) {
    return new OutputLayer.Builder(regression ? LossFunction.MSE : LossFunction.MCXENT)
        .nOut(outputs)
        .activation(regression ? Activation.IDENTITY : Activation.SOFTMAX);
  }

  /** A k×k convolution to {@code channels} channels, stride 1, no padding, then ReLU. */
  static ConvolutionLayer convolution(int kernel, int channels) {
    return convolution(kernel, 0, channels);
  }

  /** A k×k convolution to {@code channels} channels, stride 1, zero-padded by {@code padding}. */
  static ConvolutionLayer convolution(int kernel, int padding, int channels) {
    return new ConvolutionLayer.Builder(kernel, kernel)
        .stride(1, 1)
        .padding(padding, padding)
        .nOut(channels)
        .convolutionMode(ConvolutionMode.Truncate)
        .activation(Activation.RELU)
        .build();
  }

  /** Max-pooling 2×2, stride 2, flooring odd sizes as PyTorch. */
  static SubsamplingLayer maxPool() {
    return new SubsamplingLayer.Builder(PoolingType.MAX)
        .kernelSize(2, 2)
        .stride(2, 2)
        .convolutionMode(ConvolutionMode.Truncate)
        .build();
  }

  /**
   * Why a network of two (k×k convolution, 2×2 max-pooling) stages cannot take {@code shape}, or
   * {@code null}: it needs an image whose smaller side survives both stages.
   */
  static String unsuitableForTwoStages(String arch, int kernel, InputShape shape) {
    return unsuitableForTwoStages(arch, kernel, 0, shape);
  }

  /** As {@link #unsuitableForTwoStages(String, int, InputShape)}, convolutions padded. */
  static String unsuitableForTwoStages(String arch, int kernel, int padding, InputShape shape) {
    if (shape.height() == 1) {
      return arch
          + " is a convolutional network and needs images; this dataset's input is flat ("
          + shape.size()
          + " values)";
    }
    int smallest = Math.min(shape.height(), shape.width());
    if (afterStages(smallest, kernel, padding) < 1) {
      int least = leastSide(kernel, padding);
      return arch
          + " needs images of at least "
          + least
          + "×"
          + least
          + "; got "
          + shape.height()
          + "×"
          + shape.width();
    }
    return null;
  }

  /** The smallest side that survives two stages: 10 for k = 3, 16 for k = 5, 4 when padded. */
  static int leastSide(int kernel, int padding) {
    int side = 1;
    while (afterStages(side, kernel, padding) < 1) {
      side++;
    }
    return side;
  }

  /** The side after two stages of a k×k convolution and a 2×2 max-pooling, from {@code side}. */
  private static int afterStages(int side, int kernel, int padding) {
    int s = side;
    for (int stage = 0; stage < 2; stage++) {
      s = (s + 2 * padding - kernel + 1) / 2;
    }
    return s;
  }
}
