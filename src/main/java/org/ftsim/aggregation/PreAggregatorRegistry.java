package org.ftsim.aggregation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftsim.config.Spec;

/** The pre-aggregators by name, and the parser of a {@code --pre} chain. */
public final class PreAggregatorRegistry {

  /** Builds a pre-aggregator from its parsed specification and the declared f. */
  @FunctionalInterface
  public interface Factory {
    PreAggregator create(Spec spec, int tolerated);
  }

  private static final Map<String, Factory> PRE = new LinkedHashMap<>();

  private PreAggregatorRegistry() {}

  /** The valid pre-aggregator names. */
  public static List<String> names() {
    return List.copyOf(PRE.keySet());
  }

  /** Parses a comma-separated chain such as {@code clip:5,nnm,bucketing:2}; empty gives none. */
  public static List<PreAggregator> parseChain(String chain, int tolerated) {
    List<PreAggregator> result = new ArrayList<>();
    if (chain == null || chain.isBlank()) {
      return result;
    }
    for (String item : chain.split(",")) {
      Spec spec = Spec.parse(item);
      Factory factory = PRE.get(spec.name());
      if (factory == null) {
        throw new IllegalArgumentException(
            "unknown pre-aggregator '" + spec.name() + "'; valid: " + String.join(", ", names()));
      }
      result.add(factory.create(spec, tolerated));
    }
    return result;
  }
}
