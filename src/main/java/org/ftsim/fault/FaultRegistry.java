package org.ftsim.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ftsim.base.Spec;

/**
 * The fault models by name (SPEC §5). A spec is {@code name}, {@code name:value} or {@code
 * name:key=value}; every parameter has a key, so {@code gaussian:1} and {@code gaussian:std=1} are
 * the same fault. An unknown name or key, a missing required value, a value given twice or an
 * invalid one throws {@link IllegalArgumentException} with a one-line message listing the valid
 * choices.
 */
public final class FaultRegistry {

  private record Entry(String usage, Function<Spec, Fault> factory) {}

  private static final Map<String, Entry> FAULTS = new LinkedHashMap<>();

  static {
    put(
        "scale",
        "scale[:factor=" + format(Scale.DEFAULT_FACTOR) + "]",
        spec -> new Scale(optional(spec, "factor", Scale.DEFAULT_FACTOR)));
    put("add", "add:constant", spec -> new Add(required(spec, "constant")));
    put("power", "power:exponent", spec -> new Power(required(spec, "exponent")));
    put("gaussian", "gaussian:std", spec -> new GaussianNoise(required(spec, "std")));
    put("random", "random:std", spec -> new RandomGaussian(required(spec, "std")));
    put(
        "signflip",
        "signflip[:factor=" + format(SignFlip.DEFAULT_FACTOR) + "]",
        spec -> new SignFlip(optional(spec, "factor", SignFlip.DEFAULT_FACTOR)));
    put("zero", "zero", spec -> none(spec, new Zero()));
    put("nan", "nan", spec -> none(spec, new NotANumber()));
    put("inf", "inf", spec -> none(spec, new Infinity()));
    put(
        "alie",
        "alie[:z=z_max(n,f)]",
        spec ->
            given(spec, "z") ? new ALittleIsEnough(required(spec, "z")) : new ALittleIsEnough());
    put("ipm", "ipm:epsilon", spec -> new InnerProductManipulation(required(spec, "epsilon")));
    put(
        "mimic",
        "mimic[:worker=first honest]",
        spec -> given(spec, "worker") ? new Mimic(index(spec, "worker")) : new Mimic());
    put("labelflip", "labelflip", spec -> none(spec, new LabelFlip()));
    put("crash", "crash", spec -> none(spec, new Crash()));
  }

  private FaultRegistry() {}

  /** The valid fault names, in the order of SPEC §5. */
  public static List<String> names() {
    return List.copyOf(FAULTS.keySet());
  }

  /**
   * One line per fault, e.g. {@code gaussian:std} or {@code signflip[:factor=1]}: the parameter
   * keys, optional ones in brackets with their defaults; for help texts.
   */
  public static List<String> usages() {
    return FAULTS.values().stream().map(Entry::usage).toList();
  }

  /**
   * Builds the fault {@code spec}; an unknown name or a bad parameter throws {@link
   * IllegalArgumentException} listing the valid choices.
   */
  public static Fault create(Spec spec) {
    Entry entry = FAULTS.get(spec.name());
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown fault '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    return entry.factory().apply(spec);
  }

  /** Parses and builds {@code text}, e.g. {@code scale:10}. */
  public static Fault create(String text) {
    return create(Spec.parse(text));
  }

  private static void put(String name, String usage, Function<Spec, Fault> factory) {
    FAULTS.put(name, new Entry(usage, factory));
  }

  /** Whether the fault's one parameter {@code key} was given, checking the keys first. */
  private static boolean given(Spec spec, String key) {
    spec.requireKeys(List.of(key));
    return spec.has(0, key);
  }

  private static double optional(Spec spec, String key, double fallback) {
    return given(spec, key) ? required(spec, key) : fallback;
  }

  private static double required(Spec spec, String key) {
    requireOne(spec, key);
    return spec.number(0, key, Double.NaN);
  }

  /** The worker index {@code key}: a required integer >= 0. */
  private static int index(Spec spec, String key) {
    requireOne(spec, key);
    return spec.integer(0, key, -1, 0);
  }

  /** Checks that the fault's one parameter {@code key} is given, once. */
  private static void requireOne(Spec spec, String key) {
    spec.requireKeys(List.of(key));
    if (!spec.has(0, key)) {
      throw new IllegalArgumentException(
          "'"
              + spec.text()
              + "' needs a value for "
              + key
              + ", e.g. "
              + spec.name()
              + ":1 or "
              + spec.name()
              + ":"
              + key
              + "=1");
    }
    if (!spec.positional().isEmpty() && spec.named().containsKey(key)) {
      throw new IllegalArgumentException(
          "'" + spec.text() + "' gives " + key + " twice, by position and by name");
    }
  }

  private static Fault none(Spec spec, Fault fault) {
    spec.requireKeys(List.of());
    return fault;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
