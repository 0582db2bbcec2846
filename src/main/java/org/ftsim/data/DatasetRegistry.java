package org.ftsim.data;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The datasets by name ({@code -d}, SPEC §3), in help order. An unknown name throws {@link
 * IllegalArgumentException} listing the valid ones. {@code --help}, validation and the README table
 * all read these descriptors.
 */
public final class DatasetRegistry {

  private static final Map<String, DatasetDescriptor> DATASETS = new LinkedHashMap<>();

  static {
    add(
        new DatasetDescriptor(
            "dummy",
            "y = x³, x uniform in [−1, 1]: the prototype's regression (4,096 / 1,024)",
            InputShape.flat(1),
            0,
            new DummyRegression(),
            "linear",
            "sgd",
            0.01,
            0.0));
    add(idx("mnist", "MNIST handwritten digits (60,000 / 10,000)"));
    add(idx("fashion-mnist", "Fashion-MNIST, Zalando's clothing images (60,000 / 10,000)"));
    add(cifar(CifarBinary.CIFAR10, "CIFAR-10 colour images (50,000 / 10,000)", 0.005));
    add(
        cifar(
            CifarBinary.CIFAR100, "CIFAR-100 colour images, fine labels (50,000 / 10,000)", 0.001));
    add(
        new DatasetDescriptor(
            "synthetic",
            "4 Gaussian clusters in 16 dimensions, for tests (2,048 / 512)",
            InputShape.flat(GaussianClusters.DIMENSION),
            GaussianClusters.CLASSES,
            new GaussianClusters(),
            "mlp",
            "sgd",
            0.001,
            0.9));
  }

  private DatasetRegistry() {}

  private static void add(DatasetDescriptor d) {
    DATASETS.put(d.name(), d);
  }

  private static DatasetDescriptor idx(String name, String description) {
    return new DatasetDescriptor(
        name,
        description,
        IdxFiles.SHAPE,
        IdxFiles.CLASSES,
        new IdxFiles(name),
        "mlp",
        "sgd",
        0.001,
        0.9);
  }

  private static DatasetDescriptor cifar(CifarBinary cifar, String description, double lr) {
    return new DatasetDescriptor(
        cifar.dataset(),
        description,
        CifarBinary.SHAPE,
        cifar.classes(),
        cifar,
        "cnn",
        "adam",
        lr,
        0.9);
  }

  /** The valid names: dummy, mnist, fashion-mnist, cifar10, cifar100, synthetic. */
  public static List<String> names() {
    return List.copyOf(DATASETS.keySet());
  }

  /** Every descriptor, in the order of {@link #names()}. */
  public static List<DatasetDescriptor> all() {
    return List.copyOf(DATASETS.values());
  }

  /**
   * The descriptor of {@code name}.
   *
   * @throws IllegalArgumentException "unknown dataset 'x'; valid: ..." for an unknown name
   */
  public static DatasetDescriptor get(String name) {
    DatasetDescriptor d = DATASETS.get(name);
    if (d == null) {
      throw new IllegalArgumentException(
          "unknown dataset '" + name + "'; valid: " + String.join(", ", names()));
    }
    return d;
  }

  /** Two lines per dataset for {@code --help}: what it is, then its defaults. */
  public static List<String> helpLines() {
    List<String> lines = new ArrayList<>();
    lines.add("datasets (-d):");
    for (DatasetDescriptor d : DATASETS.values()) {
      lines.add(
          String.format(
              "  %-14s %s; %s, %s; %s",
              d.name(),
              d.description(),
              shape(d.shape()),
              d.isRegression() ? "regression" : d.classes() + " classes",
              d.source().origin()));
      lines.add(
          String.format(
              "  %-14s defaults: --arch %s --optimizer %s --lr %s %s",
              "",
              d.defaultArch(),
              d.defaultOptimizer(),
              number(d.defaultLearningRate()),
              d.defaultMomentum(d.defaultOptimizer()) == d.sgdMomentum()
                  ? "--momentum " + number(d.sgdMomentum())
                  : "(--momentum " + number(d.sgdMomentum()) + " with sgd)"));
    }
    return lines;
  }

  /** The README's datasets table, in Markdown, one row per dataset. */
  public static String markdownTable() {
    StringBuilder table =
        new StringBuilder(
            "| `-d` | data (training / test samples) | input | classes | files | `--arch` | `--optimizer` | `--lr` | sgd"
                + " `--momentum` |\n|---|---|---|---|---|---|---|---|---|\n");
    for (DatasetDescriptor d : DATASETS.values()) {
      table.append(
          String.format(
              "| `%s` | %s | %s | %s | %s | `%s` | `%s` | %s | %s |\n",
              d.name(),
              d.description(),
              shape(d.shape()),
              d.isRegression() ? "regression" : d.classes(),
              d.source().origin(),
              d.defaultArch(),
              d.defaultOptimizer(),
              number(d.defaultLearningRate()),
              number(d.sgdMomentum())));
    }
    return table.toString();
  }

  /** c×h×w, or the number of values of a flat input. */
  static String shape(InputShape s) {
    return s.channels() == 1 && s.height() == 1
        ? s.width() + (s.width() == 1 ? " value" : " values")
        : s.channels() + "×" + s.height() + "×" + s.width();
  }

  /** A default as typed on the command line: 0.001, 0.9, 0. */
  static String number(double x) {
    return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
  }
}
