package org.ftsim.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/** The datasets by name (SPEC §3) and how each is loaded from {@code --data-dir}. */
public final class Datasets {

  /** The valid dataset names. */
  public static final List<String> NAMES =
      List.of("dummy", "mnist", "fashion-mnist", "cifar10", "cifar100", "synthetic");

  /** MNIST-style normalisation of the prototype: x/255 − 0.5. */
  private static final float[] HALF = {0.5f};

  private static final float[] ONE = {1f};

  private static final String[] IDX_FILES = {
    "train-images-idx3-ubyte",
    "train-labels-idx1-ubyte",
    "t10k-images-idx3-ubyte",
    "t10k-labels-idx1-ubyte"
  };

  private Datasets() {}

  /** The input shape and number of classes of {@code name} (0 classes: regression). */
  public static Dataset.Info info(String name) {
    return switch (name) {
      case "dummy" -> new Dataset.Info(InputShape.flat(1), 0);
      case "mnist", "fashion-mnist" -> new Dataset.Info(new InputShape(1, 28, 28), 10);
      case "cifar10" -> new Dataset.Info(Cifar.SHAPE, 10);
      case "cifar100" -> new Dataset.Info(Cifar.SHAPE, 100);
      case "synthetic" -> new Dataset.Info(InputShape.flat(Synthetic.DIMENSION), Synthetic.CLASSES);
      default ->
          throw new IllegalArgumentException(
              "unknown dataset '" + name + "'; valid: " + String.join(", ", NAMES));
    };
  }

  /**
   * Checks that the files of {@code name} exist under {@code dataDir/name}; returns a message
   * saying what is missing and how to get it, or {@code null} when all is there.
   */
  public static String missingFiles(String name, Path dataDir) {
    if (name.equals("cifar10") || name.equals("cifar100")) {
      return Cifar.of(name).missing(dataDir);
    }
    if (!name.equals("mnist") && !name.equals("fashion-mnist")) {
      return null;
    }
    Path dir = dataDir.resolve(name);
    for (String file : IDX_FILES) {
      if (!Files.isRegularFile(dir.resolve(file + ".gz"))
          && !Files.isRegularFile(dir.resolve(file))) {
        return dir.resolve(file + ".gz")
            + " not found; "
            + name
            + " ships in the repository's data/ folder (run from the checkout or point --data-dir at it)";
      }
    }
    return null;
  }

  /** Loads {@code name}; generated sets ignore {@code dataDir}. */
  public static TrainTest load(String name, Path dataDir) {
    return switch (name) {
      case "dummy" -> Dummy.load();
      case "mnist", "fashion-mnist" -> loadIdx(name, dataDir.resolve(name));
      case "cifar10", "cifar100" -> Cifar.of(name).load(dataDir);
      case "synthetic" -> Synthetic.load();
      default ->
          throw new IllegalArgumentException(
              "unknown dataset '" + name + "'; valid: " + String.join(", ", NAMES));
    };
  }

  private static TrainTest loadIdx(String name, Path dir) {
    return new TrainTest(
        idxPart(name, dir.resolve(IDX_FILES[0]), dir.resolve(IDX_FILES[1])),
        idxPart(name, dir.resolve(IDX_FILES[2]), dir.resolve(IDX_FILES[3])));
  }

  private static Dataset idxPart(String name, Path images, Path labels) {
    IdxReader.IdxArray x = IdxReader.read(existing(images));
    IdxReader.IdxArray y = IdxReader.read(existing(labels));
    if (x.dims().length != 3 || x.dims()[1] != 28 || x.dims()[2] != 28) {
      throw new DataException(existing(images) + ": expected N×28×28 images");
    }
    if (y.dims().length != 1 || y.dims()[0] != x.dims()[0]) {
      throw new DataException(
          existing(labels)
              + ": "
              + (y.dims().length == 1 ? y.dims()[0] : -1)
              + " labels for "
              + x.dims()[0]
              + " images");
    }
    for (byte b : y.data()) {
      if ((b & 0xFF) >= 10) {
        throw new DataException(existing(labels) + ": label " + (b & 0xFF) + " outside 0..9");
      }
    }
    return new Dataset(
        name,
        new Features.Bytes(x.data(), 28 * 28, HALF, ONE),
        y.data(),
        null,
        10,
        new InputShape(1, 28, 28));
  }

  /** The gzipped file if present, else the plain one. */
  private static Path existing(Path plain) {
    Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
    return Files.isRegularFile(gz) ? gz : plain;
  }

  /**
   * CIFAR-10 and CIFAR-100, binary versions, read from {@code DIR/cifar10/} and {@code
   * DIR/cifar100/} or from the folder their official archive extracts to inside it ({@code
   * cifar-10-batches-bin/}, {@code cifar-100-binary/}); normalised per channel with the prototype's
   * means and standard deviations.
   */
  enum Cifar {
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

    Cifar(
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

    static Cifar of(String name) {
      return name.equals("cifar10") ? CIFAR10 : CIFAR100;
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

    String missing(Path dataDir) {
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

    private List<String> files() {
      List<String> all = new java.util.ArrayList<>(trainFiles);
      all.add(testFile);
      return all;
    }

    TrainTest load(Path dataDir) {
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

  /** The prototype's dummy regression: y = x³ for x uniform in [−1, 1], one feature. */
  static final class Dummy {
    static final int TRAIN = 4096;
    static final int TEST = 1024;

    private Dummy() {}

    static TrainTest load() {
      return new TrainTest(part(TRAIN, 11), part(TEST, 12));
    }

    private static Dataset part(int n, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[] x = new float[n];
      float[] y = new float[n];
      for (int i = 0; i < n; i++) {
        x[i] = (float) (2 * random.nextDouble() - 1);
        y[i] = x[i] * x[i] * x[i];
      }
      return new Dataset("dummy", new Features.Floats(x, 1), null, y, 0, InputShape.flat(1));
    }
  }

  /**
   * A small generated classification set for tests: {@value #CLASSES} Gaussian clusters in {@value
   * #DIMENSION} dimensions with unit noise around centres drawn from N(0, 1.5²); fixed (not
   * dependent on --seed), like a shipped dataset.
   */
  static final class Synthetic {
    static final int DIMENSION = 16;
    static final int CLASSES = 4;
    static final int TRAIN = 2048;
    static final int TEST = 512;

    private Synthetic() {}

    static TrainTest load() {
      SplittableRandom random = new SplittableRandom(7);
      float[][] centres = new float[CLASSES][DIMENSION];
      for (float[] c : centres) {
        for (int j = 0; j < DIMENSION; j++) {
          c[j] = (float) (1.5 * Gaussian.next(random));
        }
      }
      return new TrainTest(part(centres, TRAIN, 21), part(centres, TEST, 22));
    }

    private static Dataset part(float[][] centres, int n, long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      float[] x = new float[n * DIMENSION];
      byte[] y = new byte[n];
      for (int i = 0; i < n; i++) {
        int label = random.nextInt(CLASSES);
        y[i] = (byte) label;
        for (int j = 0; j < DIMENSION; j++) {
          x[i * DIMENSION + j] = (float) (centres[label][j] + Gaussian.next(random));
        }
      }
      return new Dataset(
          "synthetic",
          new Features.Floats(x, DIMENSION),
          y,
          null,
          CLASSES,
          InputShape.flat(DIMENSION));
    }
  }

  /** Standard normal draws by the Marsaglia polar method. */
  static final class Gaussian {
    private Gaussian() {}

    static double next(SplittableRandom random) {
      double u;
      double v;
      double s;
      do {
        u = 2 * random.nextDouble() - 1;
        v = 2 * random.nextDouble() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s == 0);
      return u * Math.sqrt(-2 * Math.log(s) / s);
    }
  }
}
