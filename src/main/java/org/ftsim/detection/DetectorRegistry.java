package org.ftsim.detection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftsim.base.Spec;

/**
 * The detectors by name ({@code --detect NAME[:params]}), positional or named parameters: {@code
 * zscore[:threshold]}, {@code reputation[:threshold,drift,cap]}, {@code cosine-split[:silhouette]},
 * {@code redundancy[:r]}.
 */
public final class DetectorRegistry {

  /** Builds a detector from its parsed specification. */
  @FunctionalInterface
  interface Factory {
    Detector create(Spec spec);
  }

  private static final Map<String, Factory> DETECTORS = new LinkedHashMap<>();
  private static final Map<String, String> USAGES = new LinkedHashMap<>();

  static {
    put(
        "zscore",
        "zscore[:threshold]",
        spec ->
            new RobustZScore(
                spec.requireKeys(List.of("threshold"))
                    .number(0, "threshold", RobustZScore.DEFAULT_THRESHOLD)));
    put(
        "reputation",
        "reputation[:threshold,drift,cap]",
        spec -> {
          spec.requireKeys(List.of("threshold", "drift", "cap"));
          return new Reputation(
              spec.number(0, "threshold", Reputation.DEFAULT_THRESHOLD),
              spec.number(1, "drift", Reputation.DEFAULT_DRIFT),
              spec.number(2, "cap", Reputation.DEFAULT_CAP));
        });
    put(
        "cosine-split",
        "cosine-split[:silhouette]",
        spec ->
            new CosineSplit(
                spec.requireKeys(List.of("silhouette"))
                    .number(0, "silhouette", CosineSplit.DEFAULT_MIN_SILHOUETTE)));
    put(
        "redundancy",
        "redundancy[:r]",
        spec ->
            new Redundancy(
                spec.requireKeys(List.of("r")).integer(0, "r", Redundancy.DEFAULT_COPIES, 2)));
  }

  private DetectorRegistry() {}

  private static void put(String name, String usage, Factory factory) {
    DETECTORS.put(name, factory);
    USAGES.put(name, usage);
  }

  /** The valid detector names, in the order of the documentation. */
  public static List<String> names() {
    return List.copyOf(DETECTORS.keySet());
  }

  /** Each detector's usage, e.g. {@code zscore[:threshold]}, for {@code --help}. */
  public static List<String> usages() {
    return List.copyOf(USAGES.values());
  }

  /**
   * Builds the detector {@code text}, e.g. {@code zscore:3}; an unknown name or a bad parameter
   * throws {@link IllegalArgumentException} naming the valid choices.
   */
  public static Detector create(String text) {
    Spec spec = Spec.parse(text);
    Factory factory = DETECTORS.get(spec.name());
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown detector '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    return factory.create(spec);
  }
}
