package org.ftsim.model;

import java.io.Serializable;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
   * @throws IllegalArgumentException for an unknown architecture or an input it cannot take
   */
  public ModelSpec {
    String unsuitable = ArchitectureRegistry.get(arch).unsuitableInput(input);
    if (unsuitable != null) {
      throw new IllegalArgumentException(unsuitable);
    }
  }

  /** The architecture this spec names. */
  public Architecture architecture() {
    return ArchitectureRegistry.get(arch);
  }

  /** A new network (its parameters are DL4J's; callers overwrite them: {@link ParamInit}). */
  public Network network() {
    return architecture().network(input, outputs, regression);
  }

  /**
   * A new, initialised {@link MultiLayerNetwork} of a stack-of-layers architecture, for tests that
   * look inside one; a graph architecture throws {@link IllegalStateException}.
   */
  public MultiLayerNetwork build() {
    if (!(architecture() instanceof SequentialArchitecture sequential)) {
      throw new IllegalStateException(arch + " is a graph, not a stack of layers");
    }
    return SequentialArchitecture.initialised(sequential.configuration(input, outputs, regression));
  }
}
