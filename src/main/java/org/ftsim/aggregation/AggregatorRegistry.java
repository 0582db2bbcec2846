package org.ftsim.aggregation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftsim.base.Spec;

/**
 * The aggregation rules by name (SPEC §6). {@code drop} is not a rule on gradients but the oracle
 * removal of the known faulty workers followed by the mean, and {@code detect} the removal of the
 * workers a detector flags followed by the mean; {@link Defense} implements both.
 *
 * <p>Parameters, positional or named: {@code trimmed-mean[:b]}, {@code multi-krum[:m]}, {@code
 * geomed[:nu,iters]}, {@code cclip[:tau,iters]}; e.g. {@code geomed:nu=1e-6,iters=100}.
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
    RULES.put("detect", (spec, f) -> noParams(spec, new Mean()));
    RULES.put("median", (spec, f) -> noParams(spec, new CoordinateMedian(f)));
    RULES.put(
        "trimmed-mean",
        (spec, f) -> new TrimmedMean(spec.requireKeys(List.of("b")).integer(0, "b", f, 0)));
    RULES.put("krum", (spec, f) -> noParams(spec, new Krum(f)));
    RULES.put(
        "multi-krum",
        (spec, f) -> {
          spec.requireKeys(List.of("m"));
          return new MultiKrum(f, spec.integer(0, "m", MultiKrum.DEFAULT_SELECTED, 1));
        });
    RULES.put(
        "geomed",
        (spec, f) -> {
          spec.requireKeys(List.of("nu", "iters"));
          return new GeometricMedian(
              f,
              spec.number(0, "nu", GeometricMedian.DEFAULT_SMOOTHING),
              spec.integer(1, "iters", GeometricMedian.DEFAULT_ITERATIONS, 0));
        });
    RULES.put("bulyan", (spec, f) -> noParams(spec, new Bulyan(f)));
    RULES.put(
        "cclip",
        (spec, f) -> {
          spec.requireKeys(List.of("tau", "iters"));
          return new CenteredClipping(
              f,
              spec.number(0, "tau", CenteredClipping.DEFAULT_RADIUS),
              spec.integer(1, "iters", CenteredClipping.DEFAULT_ITERATIONS, 0));
        });
    RULES.put("meamed", (spec, f) -> noParams(spec, new MeaMed(f)));
    RULES.put("mean-filter", (spec, f) -> noParams(spec, new MeanFilter(f)));
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
    Feasibility.nonNegative("tolerated f", tolerated);
    return factory.create(spec, tolerated);
  }

  /** Parses and builds {@code text}, e.g. {@code trimmed-mean:2}. */
  public static Aggregator create(String text, int tolerated) {
    return create(Spec.parse(text), tolerated);
  }

  private static Aggregator noParams(Spec spec, Aggregator rule) {
    spec.requireKeys(List.of());
    return rule;
  }
}
