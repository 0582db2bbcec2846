package org.ftsim.data;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.ftsim.base.Spec;

/**
 * The partitions by name ({@code --partition}): {@code iid}, {@code dirichlet:alpha}, {@code
 * label-sorted}, {@code gamma:g}. An unknown name or key, or a missing or invalid value, throws
 * {@link IllegalArgumentException} with a one-line message listing the valid choices.
 */
public final class Partitioners {

  private record Entry(String usage, Function<Spec, Partitioner> factory) {}

  private static final Map<String, Entry> PARTITIONS = new LinkedHashMap<>();

  static {
    PARTITIONS.put("iid", new Entry("iid", spec -> none(spec, new Iid())));
    PARTITIONS.put(
        "dirichlet", new Entry("dirichlet:alpha", spec -> new Dirichlet(required(spec, "alpha"))));
    PARTITIONS.put(
        "label-sorted", new Entry("label-sorted", spec -> none(spec, new LabelSorted())));
    PARTITIONS.put("gamma", new Entry("gamma:g", spec -> new GammaSimilarity(required(spec, "g"))));
  }

  private Partitioners() {}

  /** The valid partition names. */
  public static List<String> names() {
    return List.copyOf(PARTITIONS.keySet());
  }

  /** One line per partition with its parameter, e.g. {@code dirichlet:alpha}; for help texts. */
  public static List<String> usages() {
    return PARTITIONS.values().stream().map(Entry::usage).toList();
  }

  /** Parses and builds {@code text}, e.g. {@code dirichlet:0.5}. */
  public static Partitioner create(String text) {
    Spec spec = Spec.parse(text);
    Entry entry = PARTITIONS.get(spec.name());
    if (entry == null) {
      throw new IllegalArgumentException(
          "unknown partition '" + spec.name() + "'; valid: " + String.join(", ", usages()));
    }
    return entry.factory().apply(spec);
  }

  /**
   * The label skew of a partition: the mean over workers of the total-variation distance between a
   * worker's label distribution and the whole training set's, ½·Σ_c |p_w(c) − p(c)|; 0 for
   * identical distributions, near 1 when every worker holds labels few others hold. Workers dealt
   * nothing are left out of the mean.
   *
   * @param histogram per worker, the count of each label
   */
  public static double meanTotalVariation(int[][] histogram) {
    int classes = histogram[0].length;
    double[] global = new double[classes];
    double total = 0;
    for (int[] counts : histogram) {
      for (int c = 0; c < classes; c++) {
        global[c] += counts[c];
        total += counts[c];
      }
    }
    double sum = 0;
    int holding = 0;
    for (int[] counts : histogram) {
      double own = 0;
      for (int count : counts) {
        own += count;
      }
      if (own == 0) {
        continue; // a worker dealt nothing (--byzantine-data none) has no label distribution
      }
      holding++;
      double distance = 0;
      for (int c = 0; c < classes; c++) {
        distance += Math.abs(counts[c] / own - global[c] / total);
      }
      sum += distance / 2;
    }
    return sum / holding;
  }

  private static double required(Spec spec, String key) {
    spec.requireKeys(List.of(key));
    if (!spec.has(0, key)) {
      throw new IllegalArgumentException(
          "'" + spec.text() + "' needs a value for " + key + ", e.g. " + spec.name() + ":0.5");
    }
    if (!spec.positional().isEmpty() && spec.named().containsKey(key)) {
      throw new IllegalArgumentException(
          "'" + spec.text() + "' gives " + key + " twice, by position and by name");
    }
    return spec.number(0, key, Double.NaN);
  }

  private static Partitioner none(Spec spec, Partitioner partitioner) {
    spec.requireKeys(List.of());
    return partitioner;
  }
}
