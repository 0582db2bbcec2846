package org.ftsim.aggregation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftsim.config.Spec;

/**
 * The aggregation rules by name. {@code drop} is not a rule on gradients but the oracle removal of
 * the known faulty workers followed by the mean; {@link Defense} implements it.
 */
public final class AggregatorRegistry {

  /** Builds a rule from its parsed specification and the declared number of faulty inputs f. */
  @FunctionalInterface
  public interface Factory {
    Aggregator create(Spec spec, int tolerated);
  }

  private static final Map<String, Factory> RULES = new LinkedHashMap<>();

  static {
    RULES.put("mean", (spec, f) -> noParams(spec, new Mean()));
    RULES.put("none", (spec, f) -> noParams(spec, new Mean()));
    RULES.put("drop", (spec, f) -> noParams(spec, new Mean()));
  }

  private AggregatorRegistry() {}

  /** The valid rule names, in the order of the documentation. */
  public static List<String> names() {
    return List.copyOf(RULES.keySet());
  }

  /**
   * Builds the rule {@code spec} for f = {@code tolerated}; an unknown name or a bad parameter
   * throws {@link IllegalArgumentException} with a message naming the valid choices.
   */
  public static Aggregator create(Spec spec, int tolerated) {
    Factory factory = RULES.get(spec.name());
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown aggregation rule '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    return factory.create(spec, tolerated);
  }

  private static Aggregator noParams(Spec spec, Aggregator rule) {
    spec.requireKeys(List.of());
    return rule;
  }
}
