package org.ftsim.aggregation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ftsim.base.Spec;

/**
 * The pre-aggregators by name, and the parser of a {@code --pre} chain such as {@code
 * clip:5,nnm,bucketing:2,arc} (SPEC §6): {@code clip[:c]}, {@code nnm}, {@code bucketing[:s]},
 * {@code arc}.
 */
public final class PreAggregatorRegistry {

  /** The seed used by {@link #parseChain(String, int)}; runs should pass theirs instead. */
  public static final long DEFAULT_SEED = 0;

  /** Builds a pre-aggregator from its parsed specification, the declared f and the run's seed. */
  @FunctionalInterface
  public interface Factory {
    PreAggregator create(Spec spec, int tolerated, long seed);
  }

  private static final Map<String, Factory> PRE = new LinkedHashMap<>();

  static {
    PRE.put(
        "clip",
        (spec, f, seed) ->
            new StaticClipping(
                spec.requireKeys(List.of("c")).number(0, "c", StaticClipping.DEFAULT_CLIP_RADIUS)));
    PRE.put("nnm", (spec, f, seed) -> noParams(spec, new NearestNeighborMixing(f)));
    PRE.put(
        "bucketing",
        (spec, f, seed) ->
            new Bucketing(
                spec.requireKeys(List.of("s")).integer(0, "s", Bucketing.DEFAULT_BUCKET_SIZE, 0),
                seed));
    PRE.put("arc", (spec, f, seed) -> noParams(spec, new AdaptiveRobustClipping(f)));
  }

  private PreAggregatorRegistry() {}

  /** The valid pre-aggregator names. */
  public static List<String> names() {
    return List.copyOf(PRE.keySet());
  }

  /** Builds one pre-aggregator; an unknown name or parameter throws, listing the valid ones. */
  public static PreAggregator create(Spec spec, int tolerated, long seed) {
    Factory factory = PRE.get(spec.name());
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown pre-aggregator '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    Feasibility.nonNegative("tolerated f", tolerated);
    return factory.create(spec, tolerated, seed);
  }

  /** {@link #parseChain(String, int, long)} with {@link #DEFAULT_SEED}. */
  public static List<PreAggregator> parseChain(String chain, int tolerated) {
    return parseChain(chain, tolerated, DEFAULT_SEED);
  }

  /**
   * Parses a chain such as {@code clip:5,nnm,bucketing:2}; empty or null gives none. Items are
   * separated by commas; a comma followed by a number or {@code key=} continues the parameters of
   * the item before it (so {@code clip:c=5,nnm} and {@code clip:5,nnm} both work).
   */
  public static List<PreAggregator> parseChain(String chain, int tolerated, long seed) {
    List<PreAggregator> result = new ArrayList<>();
    if (chain == null || chain.isBlank()) {
      return result;
    }
    for (String item : items(chain)) {
      result.add(create(Spec.parse(item), tolerated, seed));
    }
    return result;
  }

  /** Splits a chain into items, keeping an item's parameters with it. */
  static List<String> items(String chain) {
    List<String> items = new ArrayList<>();
    for (String part : chain.split(",", -1)) {
      String p = part.trim();
      boolean parameter = !items.isEmpty() && (p.contains("=") || startsNumber(p));
      if (parameter) {
        items.set(items.size() - 1, items.get(items.size() - 1) + "," + p);
      } else {
        items.add(p);
      }
    }
    return items;
  }

  private static boolean startsNumber(String p) {
    return !p.isEmpty() && (Character.isDigit(p.charAt(0)) || "+-.".indexOf(p.charAt(0)) >= 0);
  }

  private static PreAggregator noParams(Spec spec, PreAggregator pre) {
    spec.requireKeys(List.of());
    return pre;
  }
}
