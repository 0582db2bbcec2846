package org.ftsim.results;

import java.util.List;
import org.apache.spark.sql.types.StructType;

/**
 * The result tables (SPEC §8), each with its schema and the columns that identify one of a run's
 * rows: the one list that the sink, a resumed run's check of what is on disk and the report share.
 * Every table is partitioned by {@code run_id}.
 */
public enum Table {
  RUNS("runs", Tables.RUNS, List.of()),
  STEPS("steps", Tables.STEPS, List.of("step")),
  EVALS("evals", Tables.EVALS, List.of("step", "metric_name")),
  WORKERS("workers", Tables.WORKERS, List.of("step", "worker")),
  SHARDS("shards", Tables.SHARDS, List.of("worker", "label")),
  CORRECTIONS("corrections", Tables.CORRECTIONS, List.of("step", "worker")),
  DETECTIONS("detections", Tables.DETECTIONS, List.of("detector"));

  private final String folder;
  private final StructType schema;
  private final List<String> key;

  Table(String folder, StructType schema, List<String> key) {
    this.folder = folder;
    this.schema = schema;
    this.key = key;
  }

  /** The table's name: its folder under the results directory and its SQL view. */
  public String folder() {
    return folder;
  }

  /** The table's schema. */
  public StructType schema() {
    return schema;
  }

  /** The columns, besides run_id, that identify a row of one run (none for runs: one row a run). */
  public List<String> key() {
    return key;
  }
}
