package org.ftsim.model;

import java.io.Serializable;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.InputShape;

/**
 * A network for one input shape and output size: an {@link Architecture} by name, its input and
 * outputs. Small and serialisable: executors build (and cache) their networks from it; parameters
 * travel separately.
 *
 * <p>Dropout masks are drawn from ND4J's per-thread generator, which the gradient computation seeds
 * per sub-batch.
 *
 * @param arch the architecture name ({@link ArchitectureRegistry#names()})
 * @param input the input shape; the architecture must take it
 * @param outputs classes (softmax cross-entropy) or, when {@code regression}, outputs (MSE)
 * @param regression whether the loss is mean squared error
 */
public record ModelSpec(String arch, InputShape input, int outputs, boolean regression)
    implements Serializable {

  /**
   * The valid architecture names; use {@link ArchitectureRegistry#names()}. To be removed once
   * config/ and cli/ use the descriptors.
   */
  public static final List<String> ARCHITECTURES = ArchitectureRegistry.names();

  /**
   * @throws IllegalArgumentException for an unknown architecture or an input it cannot take
   */
  public ModelSpec {
    String unsuitable = ArchitectureRegistry.get(arch).unsuitableInput(input);
    if (unsuitable != null) {
      throw new IllegalArgumentException(unsuitable);
    }
  }

  /**
   * The default architecture of a dataset, {@code mlp} for an unknown name; use {@link
   * org.ftsim.data.DatasetDescriptor#defaultArch()}. To be removed once config/ uses the
   * descriptors.
   */
  public static String defaultArch(String dataset) {
    return DatasetRegistry.names().contains(dataset)
        ? DatasetRegistry.get(dataset).defaultArch()
        : "mlp";
  }

  /**
   * Why {@code arch} cannot take inputs of {@code shape}, or {@code null} when it can; use {@link
   * Architecture#unsuitableInput(InputShape)} or {@link ArchitectureRegistry#misfit(String,
   * String)}. To be removed once config/ uses the descriptors.
   */
  public static String unsuitableInput(String arch, InputShape shape) {
    return ArchitectureRegistry.get(arch).unsuitableInput(shape);
  }

  /** The architecture this spec names. */
  public Architecture architecture() {
    return ArchitectureRegistry.get(arch);
  }

  /** The DL4J configuration; parameters are initialised separately by {@link ParamInit}. */
  public MultiLayerConfiguration configuration() {
    return architecture().configuration(input, outputs, regression);
  }

  /** A new, initialised network (its parameters are DL4J's; callers overwrite them). */
  public MultiLayerNetwork build() {
    MultiLayerNetwork net = new MultiLayerNetwork(configuration());
    net.init();
    return net;
  }
}
