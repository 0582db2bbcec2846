package org.ftsim.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ftsim.data.DatasetDescriptor;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.InputShape;

/**
 * The architectures by name ({@code --arch}, SPEC §3), in help order, and which of them fits which
 * dataset. An unknown name throws {@link IllegalArgumentException} listing the valid ones. {@code
 * --help}, validation and the README table all read these descriptors.
 */
public final class ArchitectureRegistry {

  /** The input of the README's parameter counts: a CIFAR-10 image. */
  private static final InputShape README_INPUT = new InputShape(3, 32, 32);

  private static final int README_CLASSES = 10;

  private static final Map<String, Architecture> ARCHITECTURES = new LinkedHashMap<>();

  static {
    for (Architecture a :
        List.of(
            new Linear(),
            new Mlp(),
            new SimpleCnn(),
            new LeNet5(),
            new ResNet18(false),
            new ResNet18(true),
            new EpfmlMnistCnn(),
            new ByzflCnnMnist())) {
      ARCHITECTURES.put(a.name(), a);
    }
  }

  private ArchitectureRegistry() {}

  /**
   * The valid names: linear, mlp, cnn, lenet, resnet18, resnet18-cifar, epfml-mnist-cnn,
   * byzfl-cnn-mnist.
   */
  public static List<String> names() {
    return List.copyOf(ARCHITECTURES.keySet());
  }

  /** Every architecture, in the order of {@link #names()}. */
  public static List<Architecture> all() {
    return List.copyOf(ARCHITECTURES.values());
  }

  /**
   * The architecture {@code name}.
   *
   * @throws IllegalArgumentException "unknown architecture 'x'; valid: ..." for an unknown name
   */
  public static Architecture get(String name) {
    Architecture a = ARCHITECTURES.get(name);
    if (a == null) {
      throw new IllegalArgumentException(
          "unknown architecture '" + name + "'; valid: " + String.join(", ", names()));
    }
    return a;
  }

  /**
   * Why {@code arch} cannot train on {@code dataset}, as the {@code --arch} error's text, or {@code
   * null} when it can: an unknown name, a regression with a classifier or the reverse, an input the
   * network cannot take. Precondition: {@code dataset} is a valid name.
   */
  public static String misfit(String arch, String dataset) {
    Architecture a = ARCHITECTURES.get(arch);
    if (a == null) {
      return "unknown architecture; valid: " + String.join(", ", names());
    }
    DatasetDescriptor d = DatasetRegistry.get(dataset);
    if (d.isRegression() != a.isRegressionModel()) {
      return d.isRegression()
          ? "the " + d.name() + " regression takes the " + d.defaultArch() + " model"
          : "the "
              + arch
              + " model is for the "
              + regressions()
              + " regression; use "
              + d.defaultArch();
    }
    String unsuitable = a.unsuitableInput(d.shape());
    return unsuitable == null ? null : unsuitable + " (dataset " + dataset + ")";
  }

  /** One line per architecture for {@code --help}: what it is and whose default it is. */
  public static List<String> helpLines() {
    List<String> lines = new ArrayList<>();
    lines.add("architectures (--arch):");
    for (Architecture a : ARCHITECTURES.values()) {
      List<String> of =
          DatasetRegistry.all().stream()
              .filter(d -> d.defaultArch().equals(a.name()))
              .map(DatasetDescriptor::name)
              .toList();
      lines.add(
          String.format(
              "  %-16s %s%s",
              a.name(), a.summary(), of.isEmpty() ? "" : "; default of " + String.join(", ", of)));
    }
    return lines;
  }

  /**
   * The README's architectures table, in Markdown: layers and parameters for a CIFAR-10 image, or
   * for the only input an architecture takes, named.
   */
  public static String markdownTable() {
    StringBuilder table =
        new StringBuilder("| arch | layers | for 3×32×32, 10 classes |\n|---|---|---|\n");
    for (Architecture a : ARCHITECTURES.values()) {
      table.append(
          String.format(
              "| `%s` | %s | %s |\n",
              a.name(), a.layers(), a.isRegressionModel() ? "–" : readmeCount(a)));
    }
    return table.toString();
  }

  private static String readmeCount(Architecture a) {
    InputShape own = a.referenceInput();
    InputShape input = own == null ? README_INPUT : own;
    String count = String.format(Locale.ROOT, "%,d", parameters(a, input, README_CLASSES));
    return own == null
        ? count
        : count + " (" + own.channels() + "×" + own.height() + "×" + own.width() + " only)";
  }

  /**
   * The number of trained parameters of {@code a} for {@code input} and {@code classes} classes
   * (batch normalisation's running statistics are state, not counted, as torchvision counts).
   */
  static long parameters(Architecture a, InputShape input, int classes) {
    long total = 0;
    for (boolean trained : a.network(input, classes, false).trainable()) {
      total += trained ? 1 : 0;
    }
    return total;
  }

  private static String regressions() {
    return String.join(
        "/",
        DatasetRegistry.all().stream()
            .filter(DatasetDescriptor::isRegression)
            .map(DatasetDescriptor::name)
            .toList());
  }
}
