package org.ftsim.fault;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
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
    put(
        "gaussian",
        "gaussian:std[,mean=0]",
        spec -> new GaussianNoise(first(spec, "std", "mean"), second(spec, "std", "mean")));
    put(
        "random",
        "random:std[,mean=0]",
        spec -> new RandomGaussian(first(spec, "std", "mean"), second(spec, "std", "mean")));
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
    put("signflip-mean", "signflip-mean", spec -> none(spec, new SignFlipMean()));
    put("alie-authors", "alie-authors", spec -> none(spec, ALittleIsEnough.authors()));
    put(
        "mimic-warmup",
        "mimic-warmup[:warmup=" + MimicWarmup.DEFAULT_WARMUP + "]",
        spec ->
            new MimicWarmup(
                given(spec, "warmup")
                    ? positiveInteger(spec, "warmup")
                    : MimicWarmup.DEFAULT_WARMUP));
    put(
        "fang-trim",
        "fang-trim[:b=" + format(FangTrim.DEFAULT_B) + "]",
        spec -> new FangTrim(optional(spec, "b", FangTrim.DEFAULT_B)));
    put("fang-krum", "fang-krum", spec -> none(spec, new FangKrum()));
    put("minmax", "minmax[:perturbation=unit|std|sign]", spec -> new MinMax(perturbation(spec)));
    put("minsum", "minsum[:perturbation=unit|std|sign]", spec -> new MinSum(perturbation(spec)));
  }

  /** The prefixes that modify a fault spec: {@code optimal:FAULT} and {@code shared:FAULT}. */
  public static final List<String> MODIFIERS = List.of("optimal", "shared");

  /** The faults {@code optimal:} accepts, as their specs without the scale. */
  private static final Map<String, Function<Spec, Scalable>> SCALABLE = new LinkedHashMap<>();

  static {
    SCALABLE.put("ipm", spec -> none(spec, new InnerProductManipulation(1)));
    SCALABLE.put("alie", spec -> none(spec, new ALittleIsEnough(0)));
    SCALABLE.put("scale", spec -> none(spec, new Scale(1)));
    SCALABLE.put("signflip", spec -> none(spec, new SignFlip(1)));
    SCALABLE.put("fang-krum", spec -> none(spec, new FangKrum()));
    SCALABLE.put("minmax", spec -> new MinMax(perturbation(spec)));
    SCALABLE.put("minsum", spec -> new MinSum(perturbation(spec)));
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

  /** {@code optimal:FAULT, shared:FAULT}: the modifiers as written before a fault spec. */
  public static String modifierUsages() {
    return String.join(", ", MODIFIERS.stream().map(m -> m + ":FAULT").toList());
  }

  /** The faults {@code optimal:} can wrap (those with a scale). */
  public static List<String> scalableNames() {
    return List.copyOf(SCALABLE.keySet());
  }

  /**
   * Builds the fault {@code spec}; an unknown name or a bad parameter throws {@link
   * IllegalArgumentException} listing the valid choices.
   */
  public static Fault create(Spec spec) {
    Entry entry = FAULTS.get(spec.name());
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown fault '"
              + spec.name()
              + "'; valid: "
              + String.join(", ", names())
              + "; modifiers: "
              + modifierUsages());
    }
    return entry.factory().apply(spec);
  }

  /**
   * Parses and builds {@code text}, e.g. {@code scale:10}, {@code optimal:ipm} ({@link LineSearch})
   * or {@code shared:random:1} ({@link Shared}).
   */
  public static Fault create(String text) {
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    String head = colon < 0 ? "" : trimmed.substring(0, colon).trim().toLowerCase(Locale.ROOT);
    String rest = colon < 0 ? "" : trimmed.substring(colon + 1);
    if (head.equals("shared")) {
      return new Shared(create(rest));
    }
    if (head.equals("optimal")) {
      Spec inner = Spec.parse(rest);
      Function<Spec, Scalable> factory = SCALABLE.get(inner.name());
      if (factory == null) {
        throw new IllegalArgumentException(
            "optimal: cannot search the scale of '"
                + inner.name()
                + "'; valid: "
                + String.join(", ", scalableNames())
                + " (given without their scale)");
      }
      return new LineSearch(factory.apply(inner));
    }
    return create(Spec.parse(trimmed));
  }

  private static void put(String name, String usage, Function<Spec, Fault> factory) {
    FAULTS.put(name, new Entry(usage, factory));
  }

  /** Whether the fault's one parameter {@code key} was given, checking the keys first. */
  private static boolean given(Spec spec, String key) {
    spec.requireKeys(List.of(key));
    return spec.has(0, key);
  }

  /** The first of two numeric parameters, {@code key} (required), the other {@code other}. */
  private static double first(Spec spec, String key, String other) {
    requireOne(spec, key, List.of(key, other));
    return spec.number(0, key, Double.NaN);
  }

  /** The second of two numeric parameters, {@code key}, default 0. */
  private static double second(Spec spec, String first, String key) {
    if (spec.positional().size() > 1 && spec.named().containsKey(key)) {
      throw new IllegalArgumentException(
          "'" + spec.text() + "' gives " + key + " twice, by position and by name");
    }
    return spec.number(1, key, 0);
  }

  /** The perturbation ∇p of Min-Max and Min-Sum; default unit. */
  private static Perturbation perturbation(Spec spec) {
    spec.requireKeys(List.of("perturbation"));
    if (!spec.positional().isEmpty() && spec.named().containsKey("perturbation")) {
      throw new IllegalArgumentException(
          "'" + spec.text() + "' gives perturbation twice, by position and by name");
    }
    String value =
        spec.positional().isEmpty() ? spec.named().get("perturbation") : spec.positional().get(0);
    return value == null ? Perturbation.UNIT : Perturbation.of(value);
  }

  /** The integer parameter {@code key}, at least 1. */
  private static int positiveInteger(Spec spec, String key) {
    requireOne(spec, key);
    return spec.integer(0, key, -1, 1);
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
    requireOne(spec, key, List.of(key));
  }

  /** Checks that parameter {@code key}, the first of {@code keys}, is given, once. */
  private static void requireOne(Spec spec, String key, List<String> keys) {
    spec.requireKeys(keys);
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

  private static <T extends Fault> T none(Spec spec, T fault) {
    spec.requireKeys(List.of());
    return fault;
  }

  private static String format(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }
}
