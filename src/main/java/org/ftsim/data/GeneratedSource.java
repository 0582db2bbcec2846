package org.ftsim.data;

import java.nio.file.Path;
import java.util.List;

/** A dataset made by a fixed generator: no files, nothing ever missing. */
abstract class GeneratedSource implements DataSource {

  @Override
  public final List<String> files() {
    return List.of();
  }

  @Override
  public final String origin() {
    return "generated";
  }

  @Override
  public final String missing(Path dataDir) {
    return null;
  }
}
