package org.ftsim.data;

import java.nio.file.Path;

/**
 * Everything ftsim knows about one dataset before loading it (SPEC §3, §4): its shape, classes,
 * where its samples come from, and the training defaults a run takes when the flag is not given.
 *
 * @param name the {@code -d} name, e.g. {@code mnist}
 * @param description one line for {@code --help} and the README
 * @param shape the input shape of one sample
 * @param classes the number of classes; 0 for a regression (one real output, MSE)
 * @param source the files it needs, how it reports missing ones, and its loader
 * @param defaultArch the {@code --arch} default
 * @param defaultOptimizer the {@code --optimizer} default: {@code sgd} or {@code adam}
 * @param defaultLearningRate the {@code --lr} default, before the sqrt(k) scaling
 * @param sgdMomentum the {@code --momentum} default when the optimizer is sgd
 */
public record DatasetDescriptor(
    String name,
    String description,
    InputShape shape,
    int classes,
    DataSource source,
    String defaultArch,
    String defaultOptimizer,
    double defaultLearningRate,
    double sgdMomentum) {

  public DatasetDescriptor {
    if (classes < 0 || classes == 1 || classes > 256) {
      throw new IllegalArgumentException(name + ": classes must be 0 or in 2..256; got " + classes);
    }
    if (!(defaultLearningRate > 0) || !(sgdMomentum >= 0 && sgdMomentum < 1)) {
      throw new IllegalArgumentException(
          name
              + ": needs lr > 0 and momentum in [0, 1); got "
              + defaultLearningRate
              + ", "
              + sgdMomentum);
    }
  }

  /** Whether this is a regression (no classes). */
  public boolean isRegression() {
    return classes == 0;
  }

  /** The shape and classes, as the pre-descriptor code passes them around. */
  public Dataset.Info info() {
    return new Dataset.Info(shape, classes);
  }

  /**
   * The {@code --momentum} default for {@code optimizer}: 0 for adam (it uses betas instead), else
   * {@link #sgdMomentum()}.
   */
  public double defaultMomentum(String optimizer) {
    return "adam".equals(optimizer) ? 0.0 : sgdMomentum;
  }

  /** What is missing under {@code dataDir} and how to get it, or {@code null}. */
  public String missingFiles(Path dataDir) {
    return source.missing(dataDir);
  }

  /** Loads the training and test parts from {@code dataDir/name/} (or generates them). */
  public TrainTest load(Path dataDir) {
    return source.load(dataDir);
  }
}
