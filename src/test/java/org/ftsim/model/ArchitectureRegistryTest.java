package org.ftsim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.ftsim.data.DatasetDescriptor;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.InputShape;
import org.ftsim.optim.Optimizers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The architectures, which dataset each fits, and their parameter counts. */
class ArchitectureRegistryTest {

  @Test
  void namesInHelpOrder() {
    assertEquals(
        List.of(
            "linear",
            "mlp",
            "cnn",
            "lenet",
            "resnet18",
            "resnet18-cifar",
            "epfml-mnist-cnn",
            "byzfl-cnn-mnist"),
        ArchitectureRegistry.names());
    assertEquals(
        List.of("linear"),
        ArchitectureRegistry.all().stream()
            .filter(Architecture::isRegressionModel)
            .map(Architecture::name)
            .toList());
  }

  @Test
  void unknownNamesListTheValidOnes() {
    assertEquals(
        "unknown architecture 'resnet50'; valid: linear, mlp, cnn, lenet, resnet18, resnet18-cifar,"
            + " epfml-mnist-cnn, byzfl-cnn-mnist",
        assertThrows(IllegalArgumentException.class, () -> ArchitectureRegistry.get("resnet50"))
            .getMessage());
    assertEquals(
        "unknown architecture 'resnet50'; valid: linear, mlp, cnn, lenet, resnet18, resnet18-cifar,"
            + " epfml-mnist-cnn, byzfl-cnn-mnist",
        assertThrows(
                IllegalArgumentException.class,
                () -> new ModelSpec("resnet50", InputShape.flat(4), 2, false))
            .getMessage());
  }

  /** Every dataset's defaults are valid and fit it. */
  @Test
  void everyDatasetsDefaultsFitIt() {
    for (DatasetDescriptor d : DatasetRegistry.all()) {
      assertNull(ArchitectureRegistry.misfit(d.defaultArch(), d.name()), d.name());
      assertTrue(Optimizers.NAMES.contains(d.defaultOptimizer()), d.name());
    }
  }

  /** The --arch errors of SPEC §10, as BadInputTest expects them after the flag and value. */
  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "resnet | mnist     | unknown architecture; valid: linear, mlp, cnn, lenet, resnet18,"
            + " resnet18-cifar, epfml-mnist-cnn, byzfl-cnn-mnist",
        "cnn    | dummy     | the dummy regression takes the linear model",
        "linear | mnist     | the linear model is for the dummy regression; use mlp",
        "linear | cifar10   | the linear model is for the dummy regression; use cnn",
        "cnn    | synthetic | cnn is a convolutional network and needs images; this dataset's"
            + " input is flat (16 values) (dataset synthetic)",
        "mlp    | cifar100  | ",
        "lenet  | mnist     | ",
        "cnn    | fashion-mnist | ",
        "epfml-mnist-cnn | mnist | ",
        "byzfl-cnn-mnist | fashion-mnist | ",
        "byzfl-cnn-mnist | cifar10 | byzfl-cnn-mnist takes 1×28×28 images, as its source (MNIST);"
            + " got 3×32×32 (dataset cifar10)"
      })
  void misfits(String arch, String dataset, String message) {
    assertEquals(message, ArchitectureRegistry.misfit(arch, dataset));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "cnn   | 3 | 3  | 40 | cnn needs images of at least 4×4; got 3×40",
        "cnn   | 1 | 4  | 4  | ",
        "lenet | 1 | 15 | 30 | lenet needs images of at least 16×16; got 15×30",
        "lenet | 1 | 16 | 16 | ",
        "lenet | 1 | 1  | 1  | lenet is a convolutional network and needs images; this dataset's"
            + " input is flat (1 values)",
        "mlp   | 1 | 1  | 1  | ",
        "linear | 3 | 32 | 32 | "
      })
  void inputSuitability(String arch, int channels, int height, int width, String message) {
    InputShape shape = new InputShape(channels, height, width);
    assertEquals(message, ArchitectureRegistry.get(arch).unsuitableInput(shape));
  }

  /**
   * Parameter counts, by hand in PyTorch terms: mlp 3072·512+512 + 512·128+128 + 128·10+10; cnn
   * (the prototype's SimpleCNN, padded convolutions) 3·9·32+32 + 32·9·64+64 + 4096·500+500 +
   * 500·10+10 = 2,072,902 as issue 14 counts it; lenet 3·25·6+6 + 6·25·16+16 + 400·120+120 +
   * 120·84+84 + 84·10+10; MNIST-sized cnn has Linear(3136, 500) and lenet Linear(256, 120).
   */
  @ParameterizedTest
  @CsvSource({
    "linear, 1, 1,  1,  10, 20",
    "mlp,    3, 32, 32, 10, 1640330",
    "cnn,    3, 32, 32, 10, 2072902",
    "lenet,  3, 32, 32, 10, 62006",
    "cnn,    1, 28, 28, 10, 1592326",
    "lenet,  1, 28, 28, 10, 44426",
    // epfml/byzantine-robust-noniid-optimizer codes/tasks/mnist.py Net: 1·9·32+32 + 32·9·64+64 +
    // 9216·128+128 + 128·10+10, as sum(p.numel() for p in Net().parameters()).
    "epfml-mnist-cnn, 1, 28, 28, 10, 1199882",
    // LPD-EPFL/byzfl fed_framework/models.py cnn_mnist: 1·25·20+20 + 20·25·50+50 + 800·500+500 +
    // 500·10+10.
    "byzfl-cnn-mnist, 1, 28, 28, 10, 431080"
  })
  void parameterCounts(String arch, int c, int h, int w, int outputs, long expected) {
    InputShape shape = new InputShape(c, h, w);
    Architecture a = ArchitectureRegistry.get(arch);
    assertEquals(expected, ArchitectureRegistry.parameters(a, shape, outputs));
    assertEquals(expected, new ModelSpec(arch, shape, outputs, false).build().numParams());
  }

  @Test
  void helpNamesEachArchitecturesDatasets() {
    List<String> lines = ArchitectureRegistry.helpLines();
    assertEquals("architectures (--arch):", lines.get(0));
    assertEquals(
        "  mlp              d-512-128-out perceptron, ReLU; any input; default of mnist,"
            + " fashion-mnist, synthetic",
        lines.get(2));
    assertTrue(lines.get(4).startsWith("  lenet            LeNet-5"), lines.get(4));
  }
}
