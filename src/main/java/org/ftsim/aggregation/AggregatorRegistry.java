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
 * geomed[:nu,iters,tol]}, {@code cclip[:tau,iters,zero,momentum,power]}, {@code monna[:pivot]},
 * {@code dnc[:dim,iters,c]}, {@code clipped-clustering[:tau]}; e.g. {@code
 * geomed:nu=1e-6,iters=100}. Rules that draw random numbers ({@code dnc}) take the run's seed.
 * {@code fltrust} scores the reports against the server's root gradient ({@link
 * Aggregator#needsRoot()}), which a run computes with {@code --root-samples N}.
 */
public final class AggregatorRegistry {

  /** The seed of {@link #create(Spec, int)}; runs should pass theirs instead. */
  public static final long DEFAULT_SEED = 0;

  /** Builds a rule from its parsed specification, the declared f and the run's seed. */
  @FunctionalInterface
  public interface Factory {
    Aggregator create(Spec spec, int tolerated, long seed);
  }

  private static final Map<String, Factory> RULES = new LinkedHashMap<>();

  static {
    RULES.put("mean", (spec, f, seed) -> noParams(spec, new Mean()));
    RULES.put("none", (spec, f, seed) -> noParams(spec, new Mean()));
    RULES.put("drop", (spec, f, seed) -> noParams(spec, new Mean()));
    RULES.put("detect", (spec, f, seed) -> noParams(spec, new Mean()));
    RULES.put("median", (spec, f, seed) -> noParams(spec, new CoordinateMedian(f)));
    RULES.put(
        "trimmed-mean",
        (spec, f, seed) -> new TrimmedMean(spec.requireKeys(List.of("b")).integer(0, "b", f, 0)));
    RULES.put("krum", (spec, f, seed) -> noParams(spec, new Krum(f)));
    RULES.put(
        "multi-krum",
        (spec, f, seed) -> {
          spec.requireKeys(List.of("m"));
          return new MultiKrum(f, spec.integer(0, "m", MultiKrum.DEFAULT_SELECTED, 1));
        });
    RULES.put(
        "geomed",
        (spec, f, seed) -> {
          spec.requireKeys(List.of("nu", "iters", "tol"));
          return new GeometricMedian(
              f,
              spec.number(0, "nu", GeometricMedian.DEFAULT_SMOOTHING),
              spec.integer(1, "iters", GeometricMedian.DEFAULT_ITERATIONS, 0),
              spec.number(2, "tol", GeometricMedian.DEFAULT_TOLERANCE));
        });
    RULES.put("bulyan", (spec, f, seed) -> noParams(spec, new Bulyan(f)));
    RULES.put(
        "cclip",
        (spec, f, seed) -> {
          spec.requireKeys(List.of("tau", "iters", "zero", "momentum", "power"));
          int zero = spec.integer(2, "zero", 0, 0);
          if (zero > 1) {
            throw new IllegalArgumentException(
                "cclip zero must be 0 (median first centre) or 1 (zero); got " + zero);
          }
          return new CenteredClipping(
              f,
              spec.number(0, "tau", CenteredClipping.DEFAULT_RADIUS),
              spec.integer(1, "iters", CenteredClipping.DEFAULT_ITERATIONS, 0),
              zero == 1,
              spec.number(3, "momentum", 0),
              spec.number(4, "power", CenteredClipping.DEFAULT_POWER));
        });
    RULES.put("meamed", (spec, f, seed) -> noParams(spec, new MeaMed(f)));
    RULES.put("mean-filter", (spec, f, seed) -> noParams(spec, new MeanFilter(f)));
    RULES.put("mda", (spec, f, seed) -> noParams(spec, new MinimumDiameterAveraging(f)));
    RULES.put(
        "monna",
        (spec, f, seed) ->
            new Monna(
                f, spec.requireKeys(List.of("pivot")).integer(0, "pivot", Monna.DEFAULT_PIVOT, 0)));
    RULES.put("caf", (spec, f, seed) -> noParams(spec, new CovarianceBoundFilter(f)));
    RULES.put("smea", (spec, f, seed) -> noParams(spec, new SmallestMaxEigenvalueAveraging(f)));
    RULES.put(
        "dnc",
        (spec, f, seed) -> {
          spec.requireKeys(List.of("dim", "iters", "c"));
          return new DivideAndConquer(
              f,
              spec.integer(0, "dim", DivideAndConquer.DEFAULT_SUBSAMPLE, 1),
              spec.integer(1, "iters", DivideAndConquer.DEFAULT_ROUNDS, 1),
              spec.number(2, "c", DivideAndConquer.DEFAULT_FILTER_FRACTION),
              seed);
        });
    RULES.put("signguard", (spec, f, seed) -> noParams(spec, new SignGuard(f)));
    RULES.put(
        "clipped-clustering",
        (spec, f, seed) ->
            new ClippedClustering(
                f,
                spec.requireKeys(List.of("tau"))
                    .number(0, "tau", ClippedClustering.DEFAULT_MAX_THRESHOLD)));
    RULES.put("fltrust", (spec, f, seed) -> noParams(spec, new FlTrust(f)));
  }

  private AggregatorRegistry() {}

  /** The valid rule names, in the order of the documentation. */
  public static List<String> names() {
    return List.copyOf(RULES.keySet());
  }

  /** {@link #create(Spec, int, long)} with {@link #DEFAULT_SEED}. */
  public static Aggregator create(Spec spec, int tolerated) {
    return create(spec, tolerated, DEFAULT_SEED);
  }

  /**
   * Builds the rule {@code spec} for f = {@code tolerated}, seeding its random draws (if any) from
   * {@code seed}; an unknown name or a bad parameter throws {@link IllegalArgumentException} with a
   * message naming the valid choices.
   */
  public static Aggregator create(Spec spec, int tolerated, long seed) {
    Factory factory = RULES.get(spec.name());
    if (factory == null) {
      throw new IllegalArgumentException(
          "unknown aggregation rule '" + spec.name() + "'; valid: " + String.join(", ", names()));
    }
    Feasibility.nonNegative("tolerated f", tolerated);
    return factory.create(spec, tolerated, seed);
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
