package org.ftsim.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The pre-descriptor entry points, kept as thin delegates to {@link DatasetRegistry} so that
 * callers keep compiling; to be removed once config/ and cli/ use the descriptors.
 */
public final class Datasets {

  /** The valid dataset names; use {@link DatasetRegistry#names()}. To be removed. */
  public static final List<String> NAMES = DatasetRegistry.names();

  private Datasets() {}

  /** The input shape and classes of {@code name}; use {@link DatasetDescriptor#info()}. */
  public static Dataset.Info info(String name) {
    return DatasetRegistry.get(name).info();
  }

  /**
   * What is missing of {@code name} under {@code dataDir}, or {@code null}; use {@link
   * DatasetDescriptor#missingFiles(Path)}. To be removed.
   */
  public static String missingFiles(String name, Path dataDir) {
    return DatasetRegistry.get(name).missingFiles(dataDir);
  }

  /** Loads {@code name}; use {@link DatasetDescriptor#load(Path)}. To be removed. */
  public static TrainTest load(String name, Path dataDir) {
    return DatasetRegistry.get(name).load(dataDir);
  }
}
