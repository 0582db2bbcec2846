package org.ftsim.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ftsim.data.InputShape;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * ResNet-18 (He et al., CVPR 2016) as torchvision builds it, on a DL4J {@link ComputationGraph}: a
 * stem, four stages of two basic blocks (3×3 convolution, batch norm, ReLU, 3×3 convolution, batch
 * norm, plus the shortcut — a strided 1×1 convolution and batch norm where the shape changes — then
 * ReLU) of 64, 128, 256 and 512 channels, global average pooling and a linear classifier.
 * Convolutions have no bias, as torchvision's. {@code resnet18} has the ImageNet stem (7×7
 * convolution of stride 2, batch norm, ReLU, 3×3 max-pooling of stride 2): 11,181,642 trained
 * parameters for 10 classes at any input size. {@code resnet18-cifar} has the CIFAR stem most
 * Byzantine-robustness papers use (3×3 convolution of stride 1, no max-pooling): 11,173,962.
 *
 * <p>Batch normalisation (ε = 1e-5) keeps its running mean and variance in the flat parameter
 * vector as state ({@link Network#trainable()}); DL4J's own running update is switched off (decay
 * 0, so a worker's update reveals its batch's statistics) and the driver keeps the running
 * statistics with PyTorch's momentum 0.1 ({@code org.ftsim.driver.BatchNormState}).
 */
final class ResNet18 implements Architecture {

  private static final int[] CHANNELS = {64, 128, 256, 512};

  private final boolean cifarStem;

  ResNet18(boolean cifarStem) {
    this.cifarStem = cifarStem;
  }

  @Override
  public String name() {
    return cifarStem ? "resnet18-cifar" : "resnet18";
  }

  @Override
  public String summary() {
    return cifarStem
        ? "ResNet-18 with the CIFAR stem (3×3 stride-1 convolution, no max-pooling), batch norm;"
            + " images"
        : "torchvision's ResNet-18 (7×7 stride-2 stem, max-pooling), batch norm; images"
            + " (the prototype resizes to 224: --resize 224)";
  }

  @Override
  public String layers() {
    return (cifarStem
            ? "Conv2d(c, 64, 3, padding=1), BN, ReLU"
            : "Conv2d(c, 64, 7, stride=2, padding=3), BN, ReLU, MaxPool(3, stride=2, padding=1)")
        + ", 4 stages × 2 BasicBlocks (64, 128, 256, 512), AdaptiveAvgPool, Linear(512, out)";
  }

  @Override
  public boolean isRegressionModel() {
    return false;
  }

  @Override
  public String unsuitableInput(InputShape shape) {
    if (shape.height() == 1) {
      return name()
          + " is a convolutional network and needs images; this dataset's input is flat ("
          + shape.size()
          + " values)";
    }
    return null;
  }

  @Override
  public Network network(InputShape input, int outputs, boolean regression) {
    GraphBuilder g =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .updater(new NoOp())
            .weightInit(WeightInit.UNIFORM)
            .convolutionMode(ConvolutionMode.Truncate)
            .graphBuilder()
            .addInputs("input")
            .setInputTypes(
                InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
    String last;
    if (cifarStem) {
      last = convolution(g, "stem", "input", 64, 3, 1, 1);
    } else {
      last = convolution(g, "stem", "input", 64, 7, 2, 3);
    }
    last = batchNorm(g, "stem_bn", last, 64);
    last = relu(g, "stem_relu", last);
    if (!cifarStem) {
      g.addLayer(
          "stem_pool",
          new SubsamplingLayer.Builder(PoolingType.MAX)
              .kernelSize(3, 3)
              .stride(2, 2)
              .padding(1, 1)
              .build(),
          last);
      last = "stem_pool";
    }
    int in = 64;
    for (int stage = 0; stage < CHANNELS.length; stage++) {
      for (int block = 0; block < 2; block++) {
        int stride = stage > 0 && block == 0 ? 2 : 1;
        last =
            basicBlock(g, "s" + (stage + 1) + "b" + (block + 1), last, in, CHANNELS[stage], stride);
        in = CHANNELS[stage];
      }
    }
    g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
    g.addLayer("fc", Layers.output(outputs, regression).nIn(in).build(), "pool");
    g.setOutputs("fc");
    // Batch normalisation: DL4J's own layers, never its oneDNN helpers (OneDnn).
    ComputationGraph graph =
        OneDnn.build(
            false,
            () -> {
              ComputationGraph built = new ComputationGraph(g.build());
              built.init();
              return built;
            });
    return new GraphNetwork(
        graph, InputType.convolutionalFlat(input.height(), input.width(), input.channels()));
  }

  /** conv, bn, relu, conv, bn; the shortcut; their sum; relu. Returns the block's output. */
  private static String basicBlock(
      GraphBuilder g, String name, String input, int in, int out, int stride) {
    String x = convolution(g, name + "_conv1", input, out, 3, stride, 1);
    x = batchNorm(g, name + "_bn1", x, out);
    x = relu(g, name + "_relu1", x);
    x = convolution(g, name + "_conv2", x, out, 3, 1, 1);
    x = batchNorm(g, name + "_bn2", x, out);
    String shortcut = input;
    if (stride != 1 || in != out) {
      shortcut = convolution(g, name + "_down", input, out, 1, stride, 0);
      shortcut = batchNorm(g, name + "_down_bn", shortcut, out);
    }
    g.addVertex(name + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), x, shortcut);
    return relu(g, name + "_relu2", name + "_add");
  }

  private static String convolution(
      GraphBuilder g, String name, String input, int out, int kernel, int stride, int padding) {
    g.addLayer(
        name,
        new ConvolutionLayer.Builder(kernel, kernel)
            .stride(stride, stride)
            .padding(padding, padding)
            .nOut(out)
            .hasBias(false)
            .activation(Activation.IDENTITY)
            .build(),
        input);
    return name;
  }

  private static String batchNorm(GraphBuilder g, String name, String input, int channels) {
    g.addLayer(
        name,
        new BatchNormalization.Builder().nOut(channels).eps(1e-5).decay(0).useLogStd(false).build(),
        input);
    return name;
  }

  private static String relu(GraphBuilder g, String name, String input) {
    g.addLayer(name, new ActivationLayer.Builder().activation(Activation.RELU).build(), input);
    return name;
  }
}
