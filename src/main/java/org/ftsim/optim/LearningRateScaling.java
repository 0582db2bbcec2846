package org.ftsim.optim;

import java.util.List;

/** How the learning rate grows with k, the number of gradients aggregated (SPEC §4). */
public enum LearningRateScaling {
  /** lr · √k, the prototype's. */
  SQRT,
  /** lr, whatever k. */
  NONE;

  /** The valid names. */
  public static final List<String> NAMES = List.of("sqrt", "none");

  /** The learning rate for base rate {@code lr} and k kept gradients. */
  public double apply(double lr, int kept) {
    return this == SQRT ? lr * Math.sqrt(kept) : lr;
  }

  /** Parses a name of {@link #NAMES}. */
  public static LearningRateScaling parse(String name) {
    return switch (name) {
      case "sqrt" -> SQRT;
      case "none" -> NONE;
      default ->
          throw new IllegalArgumentException(
              "unknown learning-rate scaling '" + name + "'; valid: " + String.join(", ", NAMES));
    };
  }
}
