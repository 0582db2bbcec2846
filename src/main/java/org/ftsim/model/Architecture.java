package org.ftsim.model;

import org.ftsim.data.InputShape;

/**
 * A network architecture ({@code --arch}, SPEC §3): its name, what it is, which inputs it takes,
 * and how its DL4J network is built (a stack of layers, {@link SequentialArchitecture}, or a
 * graph). Implementations are stateless; {@link ArchitectureRegistry} lists them.
 */
public interface Architecture {

  /** The {@code --arch} name. */
  String name();

  /** One short line for {@code --help}. */
  String summary();

  /** Its layers in PyTorch terms, for the README. */
  String layers();

  /** Whether this is the regression model (MSE on one output), the only one a regression takes. */
  boolean isRegressionModel();

  /**
   * The input normalisation its source trains with, (x/255 − mean) / std per channel, as {mean,
   * std} applied to every channel; null to keep the dataset's own.
   */
  default float[] inputNormalisation() {
    return null;
  }

  /**
   * The only input it takes when that is not a CIFAR image (the README counts its parameters
   * there); null for one that takes CIFAR-10 images.
   */
  default InputShape referenceInput() {
    return null;
  }

  /** Why it cannot take inputs of {@code shape}, or {@code null} when it can. */
  String unsuitableInput(InputShape shape);

  /**
   * A new network of this architecture with DL4J's initial parameters (callers overwrite them:
   * {@link ParamInit}). Precondition: {@code unsuitableInput(input) == null}.
   *
   * @param outputs classes (softmax cross-entropy), or outputs when {@code regression} (MSE)
   */
  Network network(InputShape input, int outputs, boolean regression);
}
