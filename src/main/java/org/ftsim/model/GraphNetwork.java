package org.ftsim.model;

import java.util.Map;
import java.util.function.ToLongFunction;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link Network} over a DL4J {@link ComputationGraph} with one input and one output (residual
 * connections and other non-sequential topologies).
 */
public final class GraphNetwork extends Dl4jNetwork {

  private final ComputationGraph graph;

  /**
   * Wraps {@code graph}, initialised ({@code init()}), of FLOAT data type, one input and output,
   * whose batch normalisations (if any) act on feed-forward activations.
   */
  public GraphNetwork(ComputationGraph graph) {
    super(graph, checked(graph), layer -> 1);
    this.graph = graph;
  }

  /**
   * As {@link #GraphNetwork(ComputationGraph)}, for inputs of type {@code input}: each batch
   * normalisation's channel spans the height × width of its activations.
   */
  public GraphNetwork(ComputationGraph graph, InputType input) {
    super(graph, checked(graph), spatialSizes(graph, input));
    this.graph = graph;
  }

  private static ToLongFunction<Layer> spatialSizes(ComputationGraph graph, InputType input) {
    Map<String, InputType> types = graph.getConfiguration().getLayerActivationTypes(input);
    return layer -> {
      InputType type = types.get(layer.conf().getLayer().getLayerName());
      return type instanceof InputType.InputTypeConvolutional c ? c.getHeight() * c.getWidth() : 1;
    };
  }

  private static Layer[] checked(ComputationGraph graph) {
    int inputs = graph.getConfiguration().getNetworkInputs().size();
    int outputs = graph.getConfiguration().getNetworkOutputs().size();
    if (inputs != 1 || outputs != 1) {
      throw new IllegalArgumentException(
          "needs a graph of one input and one output; got " + inputs + " and " + outputs);
    }
    if (graph.getLayers() == null) {
      throw new IllegalArgumentException("the ComputationGraph is not initialised: call init()");
    }
    return graph.getLayers();
  }

  @Override
  void computeGradientAndScore(INDArray features, INDArray labels) {
    graph.setInputs(features);
    graph.setLabels(labels);
    graph.computeGradientAndScore();
  }

  @Override
  INDArray infer(INDArray features) {
    return graph.outputSingle(false, features);
  }

  @Override
  long activations(INDArray oneRow) {
    return graph.feedForward(oneRow, false).values().stream().mapToLong(INDArray::length).sum();
  }
}
