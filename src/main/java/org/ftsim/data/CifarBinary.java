package org.ftsim.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 and CIFAR-100, binary versions, read from {@code DIR/cifar10/} and {@code DIR/cifar100/}
 * or from the folder their official archive extracts to inside it ({@code cifar-10-batches-bin/},
 * {@code cifar-100-binary/}); normalised per channel with the prototype's means and standard
 * deviations: (x/255 − mean[c]) / std[c].
 */
enum CifarBinary implements DataSource {
  CIFAR10(
      "cifar10",
      "cifar-10-batches-bin",
      CifarReader.Format.CIFAR10,
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin"),
      "test_batch.bin",
      new float[] {0.4914f, 0.4822f, 0.4466f},
      new float[] {0.2470f, 0.2434f, 0.2615f}),
  CIFAR100(
      "cifar100",
      "cifar-100-binary",
      CifarReader.Format.CIFAR100,
      List.of("train.bin"),
      "test.bin",
      new float[] {0.5070f, 0.4865f, 0.4408f},
      new float[] {0.2672f, 0.2563f, 0.2760f});

  static final InputShape SHAPE = new InputShape(3, 32, 32);

  private final String name;
  private final String extracted;
  private final CifarReader.Format format;
  private final List<String> trainFiles;
  private final String testFile;
  private final float[] mean;
  private final float[] std;

  CifarBinary(
      String name,
      String extracted,
      CifarReader.Format format,
      List<String> trainFiles,
      String testFile,
      float[] mean,
      float[] std) {
    this.name = name;
    this.extracted = extracted;
    this.format = format;
    this.trainFiles = trainFiles;
    this.testFile = testFile;
    this.mean = mean;
    this.std = std;
  }

  /** The dataset's name and folder: cifar10 or cifar100. */
  String dataset() {
    return name;
  }

  /** The number of classes: 10, or CIFAR-100's 100 fine labels. */
  int classes() {
    return format.classes();
  }

  @Override
  public List<String> files() {
    List<String> all = new ArrayList<>(trainFiles);
    all.add(testFile);
    return List.copyOf(all);
  }

  @Override
  public String origin() {
    return "not shipped: data/fetch " + name;
  }

  /** The folder holding the files: DIR/name, or the archive's folder inside it. */
  private Path folder(Path dataDir) {
    Path dir = dataDir.resolve(name);
    Path nested = dir.resolve(extracted);
    return !Files.isRegularFile(dir.resolve(testFile))
            && Files.isRegularFile(nested.resolve(testFile))
        ? nested
        : dir;
  }

  @Override
  public String missing(Path dataDir) {
    Path dir = folder(dataDir);
    for (String file : files()) {
      if (!Files.isRegularFile(dir.resolve(file))) {
        return dir.resolve(file)
            + " not found (nor in "
            + dataDir.resolve(name).resolve(extracted)
            + "); "
            + name
            + " is not shipped: run data/fetch "
            + name
            + (dataDir.normalize().equals(Path.of("data")) ? "" : " " + dataDir)
            + " (downloads the binary version from https://www.cs.toronto.edu/~kriz/cifar.html)";
      }
    }
    return null;
  }

  @Override
  public TrainTest load(Path dataDir) {
    Path dir = folder(dataDir);
    return new TrainTest(
        part(CifarReader.readAll(trainFiles.stream().map(dir::resolve).toList(), format)),
        part(CifarReader.read(dir.resolve(testFile), format)));
  }

  private Dataset part(CifarReader.Records records) {
    return new Dataset(
        name,
        new Features.Bytes(records.pixels(), CifarReader.PIXELS, mean, std),
        records.labels(),
        null,
        format.classes(),
        SHAPE);
  }
}
