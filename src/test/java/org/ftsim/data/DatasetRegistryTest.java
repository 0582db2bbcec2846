package org.ftsim.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every dataset's shape, classes, files and defaults as SPEC §3 and §4 give them. */
class DatasetRegistryTest {

  @Test
  void namesInHelpOrder() {
    assertEquals(
        List.of("dummy", "mnist", "fashion-mnist", "cifar10", "cifar100", "synthetic"),
        DatasetRegistry.names());
    assertEquals(
        DatasetRegistry.names(),
        DatasetRegistry.all().stream().map(DatasetDescriptor::name).toList());
  }

  /** SPEC §3: shapes and classes; §4: lr 0.01 dummy, 0.005 cifar10, else 0.001; adam for CIFAR. */
  @ParameterizedTest
  @CsvSource({
    "dummy,         1, 1,  1,   0, linear, sgd,  0.01,  0.0, 0.0",
    "mnist,         1, 28, 28,  10, mlp,   sgd,  0.001, 0.9, 0.9",
    "fashion-mnist, 1, 28, 28,  10, mlp,   sgd,  0.001, 0.9, 0.9",
    "cifar10,       3, 32, 32,  10, cnn,   adam, 0.005, 0.0, 0.9",
    "cifar100,      3, 32, 32, 100, cnn,   adam, 0.001, 0.0, 0.9",
    "synthetic,     1, 1,  16,  4,  mlp,   sgd,  0.001, 0.9, 0.9"
  })
  void shapesClassesAndDefaults(
      String name,
      int channels,
      int height,
      int width,
      int classes,
      String arch,
      String optimizer,
      double lr,
      double momentum,
      double sgdMomentum) {
    DatasetDescriptor d = DatasetRegistry.get(name);
    assertEquals(name, d.name());
    assertEquals(new InputShape(channels, height, width), d.shape());
    assertEquals(classes, d.classes());
    assertEquals(classes == 0, d.isRegression());
    assertEquals(new Dataset.Info(d.shape(), classes), d.info());
    assertEquals(arch, d.defaultArch());
    assertEquals(optimizer, d.defaultOptimizer());
    assertEquals(lr, d.defaultLearningRate());
    assertEquals(momentum, d.defaultMomentum(d.defaultOptimizer()));
    assertEquals(sgdMomentum, d.defaultMomentum("sgd"));
    assertEquals(0.0, d.defaultMomentum("adam"));
  }

  @Test
  void unknownNamesListTheValidOnes() {
    assertEquals(
        "unknown dataset 'imagenet'; valid: dummy, mnist, fashion-mnist, cifar10, cifar100,"
            + " synthetic",
        assertThrows(IllegalArgumentException.class, () -> DatasetRegistry.get("imagenet"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> DatasetRegistry.get("MNIST"));
  }

  @Test
  void filesEachDatasetReads() {
    assertEquals(List.of(), DatasetRegistry.get("dummy").source().files());
    assertEquals(List.of(), DatasetRegistry.get("synthetic").source().files());
    assertEquals(
        List.of(
            "train-images-idx3-ubyte.gz",
            "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz",
            "t10k-labels-idx1-ubyte.gz"),
        DatasetRegistry.get("mnist").source().files());
    assertEquals(
        List.of(
            "data_batch_1.bin",
            "data_batch_2.bin",
            "data_batch_3.bin",
            "data_batch_4.bin",
            "data_batch_5.bin",
            "test_batch.bin"),
        DatasetRegistry.get("cifar10").source().files());
    assertEquals(
        List.of("train.bin", "test.bin"), DatasetRegistry.get("cifar100").source().files());
  }

  @Test
  void missingFilesSayHowToGetThem(@TempDir Path empty) {
    assertNull(DatasetRegistry.get("dummy").missingFiles(empty));
    assertNull(DatasetRegistry.get("mnist").missingFiles(Path.of("data")));
    assertEquals(
        empty.resolve("fashion-mnist").resolve("train-images-idx3-ubyte.gz")
            + " not found; fashion-mnist ships in the repository's data/ folder (run from the"
            + " checkout or point --data-dir at it)",
        DatasetRegistry.get("fashion-mnist").missingFiles(empty));
    assertTrue(
        DatasetRegistry.get("cifar100").missingFiles(empty).contains("run data/fetch cifar100 "));
  }

  /** The generated sets load with the descriptor's shape and classes, without any file. */
  @ParameterizedTest
  @CsvSource({"dummy, 4096, 1024", "synthetic, 2048, 512"})
  void generatedSetsMatchTheirDescriptors(String name, int train, int test) {
    DatasetDescriptor d = DatasetRegistry.get(name);
    TrainTest data = d.load(Path.of("no-such-folder"));
    for (Dataset part : List.of(data.train(), data.test())) {
      assertEquals(name, part.name());
      assertEquals(d.shape(), part.shape());
      assertEquals(d.classes(), part.classes());
      assertEquals(d.shape().size(), part.features().dimension());
    }
    assertEquals(train, data.train().size());
    assertEquals(test, data.test().size());
  }

  @Test
  void helpHasTwoLinesPerDataset() {
    List<String> lines = DatasetRegistry.helpLines();
    assertEquals(1 + 2 * DatasetRegistry.names().size(), lines.size());
    assertEquals(
        "  cifar10        CIFAR-10 colour images (50,000 / 10,000); 3×32×32, 10 classes; not"
            + " shipped: data/fetch cifar10",
        lines.get(7));
    assertEquals(
        "                 defaults: --arch cnn --optimizer adam --lr 0.005 (--momentum 0.9 with"
            + " sgd)",
        lines.get(8));
    assertEquals(
        "                 defaults: --arch linear --optimizer sgd --lr 0.01 --momentum 0",
        lines.get(2));
  }

  @Test
  void descriptorsRefuseImpossibleValues() {
    DatasetDescriptor mnist = DatasetRegistry.get("mnist");
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DatasetDescriptor(
                "x", "", mnist.shape(), 1, mnist.source(), "mlp", "sgd", 0.001, 0.9));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DatasetDescriptor(
                "x", "", mnist.shape(), 10, mnist.source(), "mlp", "sgd", 0, 0.9));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new DatasetDescriptor("x", "", mnist.shape(), 10, mnist.source(), "mlp", "sgd", 1, 1));
  }
}
