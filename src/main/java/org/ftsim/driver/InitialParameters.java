package org.ftsim.driver;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.Path;
import org.deeplearning4j.util.ModelSerializer;
import org.ftsim.checkpoint.CheckpointStore;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;
import org.ftsim.model.ParamInit;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Where a run's parameters start: PyTorch's default initialisation for the run's seed, or with
 * {@code --init PATH} a saved network's, for fine-tuning as the prototype does from pretrained
 * weights: an ftsim checkpoint file ({@code .../checkpoints/RUN_ID/step-N.ckpt}) or a DL4J model
 * zip ({@code ModelSerializer}), whose flat parameter vector must be the length of this run's
 * network (the same architecture, input size and classes; state positions included).
 */
final class InitialParameters {

  private InitialParameters() {}

  /**
   * The parameters run {@code c} of {@code model} starts from; {@code network} is one of its
   * networks, whose parameters the default initialisation overwrites (no second build).
   */
  static float[] of(SimulationConfig c, ModelSpec model, Network network) {
    String path = c.training().init();
    int size = network.size();
    if (path == null) {
      return ParamInit.pytorchDefault(network, c.seed());
    }
    float[] params;
    try {
      params = read(path);
    } catch (IOException | UncheckedIOException | IllegalStateException e) {
      throw new ConfigException(
          "--init", path, "not an ftsim checkpoint nor a DL4J model zip (" + e.getMessage() + ")");
    }
    if (params.length != size) {
      throw new ConfigException(
          "--init",
          path,
          "holds "
              + params.length
              + " parameters; "
              + model.arch()
              + " for this dataset has "
              + size);
    }
    return params;
  }

  private static float[] read(String path) throws IOException {
    Configuration hadoop = CheckpointStore.hadoopConfiguration();
    Path file = new Path(path);
    boolean zip;
    try (FSDataInputStream in = file.getFileSystem(hadoop).open(file)) {
      zip = in.read() == 'P' && in.read() == 'K';
    }
    if (!zip) {
      return CheckpointStore.readFile(path, hadoop).params();
    }
    try (InputStream in = file.getFileSystem(hadoop).open(file)) {
      // A graph's zip and a stack's differ in their configuration; either gives a flat vector.
      byte[] bytes = in.readAllBytes();
      INDArray params;
      try {
        params =
            ModelSerializer.restoreMultiLayerNetwork(new java.io.ByteArrayInputStream(bytes))
                .params();
      } catch (RuntimeException | IOException notAStack) {
        params =
            ModelSerializer.restoreComputationGraph(new java.io.ByteArrayInputStream(bytes))
                .params();
      }
      return params.toFloatVector();
    }
  }
}
