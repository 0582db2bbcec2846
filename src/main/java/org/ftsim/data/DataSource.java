package org.ftsim.data;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a dataset's samples come from: files under {@code DIR/<dataset>/} ({@code --data-dir DIR})
 * or a fixed generator. Loading is deterministic: the same files give the same bits.
 */
public interface DataSource {

  /** The files read, relative to {@code DIR/<dataset>/}; empty for a generated set. */
  List<String> files();

  /** How to get the files, one short phrase for help texts: shipped, fetched or generated. */
  String origin();

  /**
   * What is missing under {@code dataDir} and how to get it, or {@code null} when everything is
   * there (always for a generated set).
   */
  String missing(Path dataDir);

  /**
   * The training and test parts; generated sets ignore {@code dataDir}.
   *
   * @throws DataException when a file is missing or malformed
   */
  TrainTest load(Path dataDir);
}
