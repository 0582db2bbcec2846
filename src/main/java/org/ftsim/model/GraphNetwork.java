package org.ftsim.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The {@link Network} over a DL4J {@link ComputationGraph} with one input and one output (residual
 * connections and other non-sequential topologies).
 */
public final class GraphNetwork extends Dl4jNetwork {

  private final ComputationGraph graph;

  /**
   * Wraps {@code graph}, initialised ({@code init()}), of FLOAT data type, one input and output.
   */
  public GraphNetwork(ComputationGraph graph) {
    super(graph, checked(graph));
    this.graph = graph;
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
}
