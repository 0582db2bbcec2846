package org.ftsim.correction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ftsim.base.Spec;

/**
 * The correction regressors by name ({@code --correct-model}, SPEC §7). A spec is {@code name} or
 * {@code name:key=value,...} (positional values in the order of {@link #usages()}). An unknown name
 * or key, or an invalid value, throws {@link IllegalArgumentException} with a one-line message
 * listing the valid choices.
 */
public final class RegressorRegistry {

  /** The seed of the two-argument {@link #create(String, SparkSession)}. */
  public static final long DEFAULT_SEED = 1;

  @FunctionalInterface
  private interface Factory {
    Regressor create(Spec spec, SparkSession spark, long seed);
  }

  private record Entry(String usage, Factory factory) {}

  private static final List<String> GBT_KEYS =
      List.of("iterations", "depth", "bins", "step", "sample");

  private static final List<String> MLP_KEYS = List.of("hidden", "epochs", "batch");

  private static final Map<String, Entry> REGRESSORS = new LinkedHashMap<>();

  static {
    REGRESSORS.put(
        "linear",
        new Entry(
            "linear",
            (spec, spark, seed) -> {
              spec.requireKeys(List.of());
              return new ClosedFormLinear();
            }));
    REGRESSORS.put(
        "mllib-linear",
        new Entry(
            "mllib-linear",
            (spec, spark, seed) -> {
              spec.requireKeys(List.of());
              return new MllibLinearRegression(spark);
            }));
    REGRESSORS.put(
        "mllib-gbt",
        new Entry(
            "mllib-gbt[:iterations="
                + MllibGradientBoostedTrees.DEFAULT_ITERATIONS
                + ",depth="
                + MllibGradientBoostedTrees.DEFAULT_DEPTH
                + ",bins="
                + MllibGradientBoostedTrees.DEFAULT_BINS
                + ",step="
                + MllibGradientBoostedTrees.DEFAULT_STEP
                + ",sample="
                + MllibGradientBoostedTrees.DEFAULT_SAMPLE
                + "]",
            (spec, spark, seed) -> {
              spec.requireKeys(GBT_KEYS);
              return new MllibGradientBoostedTrees(
                  spark,
                  integer(spec, 0, MllibGradientBoostedTrees.DEFAULT_ITERATIONS),
                  integer(spec, 1, MllibGradientBoostedTrees.DEFAULT_DEPTH),
                  integer(spec, 2, MllibGradientBoostedTrees.DEFAULT_BINS),
                  spec.number(3, GBT_KEYS.get(3), MllibGradientBoostedTrees.DEFAULT_STEP),
                  integer(spec, 4, MllibGradientBoostedTrees.DEFAULT_SAMPLE),
                  seed);
            }));
    REGRESSORS.put(
        "mlp",
        new Entry(
            "mlp[:hidden="
                + MultilayerPerceptron.DEFAULT_HIDDEN
                + ",epochs="
                + MultilayerPerceptron.DEFAULT_EPOCHS
                + ",batch="
                + MultilayerPerceptron.DEFAULT_BATCH
                + "]",
            (spec, spark, seed) -> {
              spec.requireKeys(MLP_KEYS);
              return new MultilayerPerceptron(
                  spec.integer(0, MLP_KEYS.get(0), MultilayerPerceptron.DEFAULT_HIDDEN, 1),
                  spec.integer(1, MLP_KEYS.get(1), MultilayerPerceptron.DEFAULT_EPOCHS, 1),
                  spec.integer(2, MLP_KEYS.get(2), MultilayerPerceptron.DEFAULT_BATCH, 1),
                  seed);
            }));
  }

  private RegressorRegistry() {}

  /**
   * The valid names: {@code linear} (the default), {@code mllib-linear}, {@code mllib-gbt}, {@code
   * mlp}.
   */
  public static List<String> names() {
    return List.copyOf(REGRESSORS.keySet());
  }

  /** One line per regressor with its parameter keys and defaults, for help texts. */
  public static List<String> usages() {
    return REGRESSORS.values().stream().map(Entry::usage).toList();
  }

  /**
   * Builds the regressor {@code spec}, seeding its sampling with {@link #DEFAULT_SEED}.
   *
   * @param spark the session MLlib regressors fit on; may be null for {@code linear}
   */
  public static Regressor create(String spec, SparkSession spark) {
    return create(spec, spark, DEFAULT_SEED);
  }

  /**
   * Builds the regressor {@code spec}, seeding its sampling with the run's {@code seed}.
   *
   * @param spark the session MLlib regressors fit on; may be null for {@code linear}
   */
  public static Regressor create(String spec, SparkSession spark, long seed) {
    Spec parsed = Spec.parse(spec);
    Entry entry = REGRESSORS.get(parsed.name());
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown correction model '" + parsed.name() + "'; valid: " + String.join(", ", names()));
    }
    return entry.factory().create(parsed, spark, seed);
  }

  /** The GBT parameter {@code GBT_KEYS[index]} as any int; the constructor checks its range. */
  private static int integer(Spec spec, int index, int fallback) {
    return spec.integer(index, GBT_KEYS.get(index), fallback, Integer.MIN_VALUE);
  }
}
