package org.ftsim.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * MNIST-format images, gzipped or plain IDX files in {@code DIR/<name>/}: 28×28 grey images with
 * labels 0..9, normalised as the prototype: x/255 − 0.5.
 *
 * @param name the dataset's name and folder, e.g. {@code mnist}
 */
record IdxFiles(String name) implements DataSource {

  static final InputShape SHAPE = new InputShape(1, 28, 28);

  static final int CLASSES = 10;

  /** MNIST-style normalisation of the prototype: x/255 − 0.5. */
  private static final float[] HALF = {0.5f};

  private static final float[] ONE = {1f};

  private static final List<String> FILES =
      List.of(
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");

  @Override
  public List<String> files() {
    return FILES.stream().map(f -> f + ".gz").toList();
  }

  @Override
  public String origin() {
    return "shipped in data/" + name + "/";
  }

  @Override
  public String missing(Path dataDir) {
    Path dir = dataDir.resolve(name);
    for (String file : FILES) {
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

  @Override
  public TrainTest load(Path dataDir) {
    Path dir = dataDir.resolve(name);
    return new TrainTest(
        part(dir.resolve(FILES.get(0)), dir.resolve(FILES.get(1))),
        part(dir.resolve(FILES.get(2)), dir.resolve(FILES.get(3))));
  }

  private Dataset part(Path images, Path labels) {
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
      if ((b & 0xFF) >= CLASSES) {
        throw new DataException(existing(labels) + ": label " + (b & 0xFF) + " outside 0..9");
      }
    }
    return new Dataset(
        name,
        new Features.Bytes(x.data(), SHAPE.size(), HALF, ONE),
        y.data(),
        null,
        CLASSES,
        SHAPE);
  }

  /** The gzipped file if present, else the plain one. */
  private static Path existing(Path plain) {
    Path gz = plain.resolveSibling(plain.getFileName() + ".gz");
    return Files.isRegularFile(gz) ? gz : plain;
  }
}
