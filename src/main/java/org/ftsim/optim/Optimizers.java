package org.ftsim.optim;

import java.util.List;

/** The optimizers by name ({@code --optimizer}): {@code sgd} (heavy-ball) and {@code adam}. */
public final class Optimizers {

  /** The valid names. */
  public static final List<String> NAMES = List.of("sgd", "adam");

  private Optimizers() {}

  /**
   * A fresh optimizer {@code name}; {@code momentum} is SGD's heavy-ball μ (Adam has none and must
   * be given 0). An unknown name or a bad value throws {@link IllegalArgumentException}.
   */
  public static Optimizer create(String name, double momentum) {
    return switch (name) {
      case "sgd" -> new HeavyBallSgd(momentum);
      case "adam" -> {
        if (momentum != 0) {
          throw new IllegalArgumentException(
              "momentum applies to sgd; adam uses betas ("
                  + Adam.DEFAULT_BETA1
                  + ", "
                  + Adam.DEFAULT_BETA2
                  + ")");
        }
        yield new Adam();
      }
      default ->
          throw new IllegalArgumentException(
              "unknown optimizer '" + name + "'; valid: " + String.join(", ", NAMES));
    };
  }
}
