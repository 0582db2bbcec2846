package org.ftsim.model;

import java.io.Serializable;
import java.util.List;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.dropout.Dropout;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A network architecture for one input shape and output size, as a DL4J configuration. Small and
 * serialisable: executors build (and cache) their networks from it; parameters travel separately.
 *
 * <p>The architectures, in PyTorch terms (convolutions stride 1 without padding, max-pooling 2×2
 * stride 2, flattening channel-major as {@code torch.flatten}):
 *
 * <ul>
 *   <li>{@code linear}: Linear(d, outputs) — the dummy regression.
 *   <li>{@code mlp}: Linear(d, 512), ReLU, Linear(512, 128), ReLU, Linear(128, outputs).
 *   <li>{@code cnn}, the prototype's SimpleCNN: Conv2d(c, 32, 3), ReLU, MaxPool2d(2), Conv2d(32,
 *       64, 3), ReLU, MaxPool2d(2), Dropout(0.25), Linear(64·h'·w', 500), ReLU, Dropout(0.5),
 *       Linear(500, outputs); for 32×32 inputs h' = w' = 6 (1,176,902 parameters for 10 classes).
 *   <li>{@code lenet}, LeNet-5 as in PyTorch's CIFAR tutorial: Conv2d(c, 6, 5), ReLU, MaxPool2d(2),
 *       Conv2d(6, 16, 5), ReLU, MaxPool2d(2), Linear(16·h'·w', 120), ReLU, Linear(120, 84), ReLU,
 *       Linear(84, outputs); for 32×32 inputs h' = w' = 5 (62,006 parameters for 10 classes).
 * </ul>
 *
 * <p>DL4J's dropout probability is the probability of <em>keeping</em> an activation and applies to
 * a layer's input, so PyTorch's Dropout(0.25) before the 500-unit layer is that layer's {@code
 * Dropout(0.75)} and Dropout(0.5) before the output layer is its {@code Dropout(0.5)}. Masks are
 * drawn from ND4J's per-thread generator, which the gradient computation seeds per sub-batch.
 *
 * @param arch the architecture name ({@link #ARCHITECTURES})
 * @param input the input shape
 * @param outputs classes (softmax cross-entropy) or, when {@code regression}, outputs (MSE)
 * @param regression whether the loss is mean squared error
 */
public record ModelSpec(String arch, InputShape input, int outputs, boolean regression)
    implements Serializable {

  /** The valid architecture names. */
  public static final List<String> ARCHITECTURES = List.of("linear", "mlp", "cnn", "lenet");

  public ModelSpec {
    if (!ARCHITECTURES.contains(arch)) {
      throw new IllegalArgumentException(
          "unknown architecture '" + arch + "'; valid: " + String.join(", ", ARCHITECTURES));
    }
    String unsuitable = unsuitableInput(arch, input);
    if (unsuitable != null) {
      throw new IllegalArgumentException(unsuitable);
    }
  }

  /** The default architecture of a dataset (SPEC §3). */
  public static String defaultArch(String dataset) {
    return switch (dataset) {
      case "dummy" -> "linear";
      case "cifar10", "cifar100" -> "cnn";
      default -> "mlp";
    };
  }

  /**
   * Why {@code arch} cannot take inputs of {@code shape}, or {@code null} when it can: the
   * convolutional networks need images large enough for their two convolution and pooling stages
   * (at least 10×10 for cnn, 16×16 for lenet).
   */
  public static String unsuitableInput(String arch, InputShape shape) {
    int kernel =
        switch (arch) {
          case "cnn" -> 3;
          case "lenet" -> 5;
          default -> 0;
        };
    if (kernel == 0) {
      return null;
    }
    int smallest = Math.min(shape.height(), shape.width());
    if (shape.height() == 1) {
      return arch
          + " is a convolutional network and needs images; this dataset's input is flat ("
          + shape.size()
          + " values)";
    }
    if (afterStages(smallest, kernel) < 1) {
      return arch
          + " needs images of at least "
          + (kernel == 3 ? 10 : 16)
          + "×"
          + (kernel == 3 ? 10 : 16)
          + "; got "
          + shape.height()
          + "×"
          + shape.width();
    }
    return null;
  }

  /** The side after two stages of a k×k convolution and a 2×2 max-pooling, from {@code side}. */
  private static int afterStages(int side, int kernel) {
    int s = side;
    for (int stage = 0; stage < 2; stage++) {
      s = (s - kernel + 1) / 2;
    }
    return s;
  }

  /** The DL4J configuration; parameters are initialised separately by {@link ParamInit}. */
  public MultiLayerConfiguration configuration() {
    boolean convolutional = arch.equals("cnn") || arch.equals("lenet");
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .updater(new NoOp())
            .weightInit(WeightInit.UNIFORM)
            // Keep each convolution's im2col matrix from the forward pass for the backward one
            // rather than rebuilding it: the same bits, ~40% less time per cnn gradient.
            .cacheMode(convolutional ? CacheMode.DEVICE : CacheMode.NONE)
            .list();
    int in = input.size();
    LossFunction loss = regression ? LossFunction.MSE : LossFunction.MCXENT;
    Activation out = regression ? Activation.IDENTITY : Activation.SOFTMAX;
    switch (arch) {
      case "linear" ->
          list.layer(new OutputLayer.Builder(loss).nIn(in).nOut(outputs).activation(out).build());
      case "mlp" -> {
        list.layer(new DenseLayer.Builder().nIn(in).nOut(512).activation(Activation.RELU).build());
        list.layer(new DenseLayer.Builder().nIn(512).nOut(128).activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(loss).nIn(128).nOut(outputs).activation(out).build());
      }
      case "cnn" -> {
        list.layer(convolution(3, 32));
        list.layer(maxPool());
        list.layer(convolution(3, 64));
        list.layer(maxPool());
        list.layer(
            new DenseLayer.Builder()
                .nOut(500)
                .activation(Activation.RELU)
                .dropOut(new Dropout(0.75))
                .build());
        list.layer(
            new OutputLayer.Builder(loss)
                .nOut(outputs)
                .activation(out)
                .dropOut(new Dropout(0.5))
                .build());
        list.setInputType(
            InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
      }
      case "lenet" -> {
        list.layer(convolution(5, 6));
        list.layer(maxPool());
        list.layer(convolution(5, 16));
        list.layer(maxPool());
        list.layer(new DenseLayer.Builder().nOut(120).activation(Activation.RELU).build());
        list.layer(new DenseLayer.Builder().nOut(84).activation(Activation.RELU).build());
        list.layer(new OutputLayer.Builder(loss).nOut(outputs).activation(out).build());
        list.setInputType(
            InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
      }
      default -> throw new IllegalStateException(arch);
    }
    return list.build();
  }

  /** A k×k convolution to {@code channels} channels, stride 1, no padding, then ReLU. */
  private static ConvolutionLayer convolution(int kernel, int channels) {
    return new ConvolutionLayer.Builder(kernel, kernel)
        .stride(1, 1)
        .nOut(channels)
        .convolutionMode(ConvolutionMode.Truncate)
        .activation(Activation.RELU)
        .build();
  }

  /** Max-pooling 2×2, stride 2, flooring odd sizes as PyTorch. */
  private static SubsamplingLayer maxPool() {
    return new SubsamplingLayer.Builder(PoolingType.MAX)
        .kernelSize(2, 2)
        .stride(2, 2)
        .convolutionMode(ConvolutionMode.Truncate)
        .build();
  }

  /** A new, initialised network (its parameters are DL4J's; callers overwrite them). */
  public MultiLayerNetwork build() {
    MultiLayerNetwork net = new MultiLayerNetwork(configuration());
    net.init();
    return net;
  }
}
