package org.ftsim.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ftsim.config.Spec;

/** The fault models by name (SPEC §5). */
public final class FaultRegistry {

  private static final Map<String, Function<Spec, Fault>> FAULTS = new LinkedHashMap<>();

  static {
    FAULTS.put(
        "scale",
        spec ->
            new Scale(
                spec.requireKeys(List.of("factor")).number(0, "factor", Scale.DEFAULT_FACTOR)));
  }

  private FaultRegistry() {}

  /** The valid fault names. */
  public static List<String> names() {
    return List.copyOf(FAULTS.keySet());
  }

  /**
   * Builds the fault {@code spec}; an unknown name or a bad parameter throws {@link
   * IllegalArgumentException} listing the valid choices.
   */
  public static Fault create(Spec spec) {
    Function<Spec, Fault> factory = FAULTS.get(spec.name());
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown fault '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    return factory.apply(spec);
  }

  /** Parses and builds {@code text}, e.g. {@code scale:10}. */
  public static Fault create(String text) {
    return create(Spec.parse(text));
  }
}
