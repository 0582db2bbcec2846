package org.ftsim.model;

import java.io.Serializable;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
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
 * @param arch the architecture name ({@link #ARCHITECTURES})
 * @param input the input shape
 * @param outputs classes (softmax cross-entropy) or, when {@code regression}, outputs (MSE)
 * @param regression whether the loss is mean squared error
 */
public record ModelSpec(String arch, InputShape input, int outputs, boolean regression)
    implements Serializable {

  /** The valid architecture names. */
  public static final List<String> ARCHITECTURES = List.of("linear", "mlp");

  public ModelSpec {
    if (!ARCHITECTURES.contains(arch)) {
      throw new IllegalArgumentException(
          "unknown architecture '" + arch + "'; valid: " + String.join(", ", ARCHITECTURES));
    }
  }

  /** The default architecture of a dataset (SPEC §3). */
  public static String defaultArch(String dataset) {
    return dataset.equals("dummy") ? "linear" : "mlp";
  }

  /** The DL4J configuration; parameters are initialised separately by {@link ParamInit}. */
  public MultiLayerConfiguration configuration() {
    NeuralNetConfiguration.ListBuilder list =
        new NeuralNetConfiguration.Builder()
            .dataType(DataType.FLOAT)
            .updater(new NoOp())
            .weightInit(WeightInit.UNIFORM)
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
      default -> throw new IllegalStateException(arch);
    }
    return list.build();
  }

  /** A new, initialised network (its parameters are DL4J's; callers overwrite them). */
  public MultiLayerNetwork build() {
    MultiLayerNetwork net = new MultiLayerNetwork(configuration());
    net.init();
    return net;
  }
}
