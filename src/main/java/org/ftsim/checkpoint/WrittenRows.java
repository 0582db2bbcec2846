package org.ftsim.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Tables;

/**
 * The rows of one run already on disk, by their key in each table, for a resumed run to skip: a
 * killed run may have flushed rows of steps after its last checkpoint (an epoch ended, or a failure
 * flushed what it had), and the resumed run produces the same rows again. They are kept and the new
 * copies dropped, since a run is deterministic (the timing columns aside). Keys: steps and evals by
 * step (and metric), workers and corrections by step and worker, shards by worker and label.
 */
public final class WrittenRows implements BiPredicate<String, Row> {

  /** The tables a run writes besides runs, with their schema and key columns. */
  private static final Map<String, Table> TABLES =
      Map.of(
          "steps", new Table(Tables.STEPS, List.of("step")),
          "evals", new Table(Tables.EVALS, List.of("step", "metric_name")),
          "workers", new Table(Tables.WORKERS, List.of("step", "worker")),
          "corrections", new Table(Tables.CORRECTIONS, List.of("step", "worker")),
          "shards", new Table(Tables.SHARDS, List.of("worker", "label")));

  private record Table(StructType schema, List<String> key) {
    List<Object> keyOf(Row row, boolean byName) {
      List<Object> values = new ArrayList<>(key.size());
      for (String column : key) {
        values.add(byName ? row.getAs(column) : row.get(schema.fieldIndex(column)));
      }
      return values;
    }
  }

  private final Map<String, Set<List<Object>>> keys;

  private WrittenRows(Map<String, Set<List<Object>>> keys) {
    this.keys = keys;
  }

  /** Reads the keys of run {@code runId}'s rows under {@code resultsDir}. */
  public static WrittenRows read(SparkSession spark, String resultsDir, String runId) {
    Map<String, Set<List<Object>>> keys = new HashMap<>();
    for (Map.Entry<String, Table> e : TABLES.entrySet()) {
      Set<List<Object>> present = new HashSet<>();
      String partition = ResultSink.partition(resultsDir, e.getKey(), runId);
      if (hasParquet(spark, partition)) {
        Table table = e.getValue();
        String[] rest = table.key().subList(1, table.key().size()).toArray(new String[0]);
        for (Row row :
            spark.read().parquet(partition).select(table.key().get(0), rest).collectAsList()) {
          present.add(table.keyOf(row, true));
        }
      }
      keys.put(e.getKey(), present);
    }
    return new WrittenRows(keys);
  }

  /** Whether {@code row}, buffered for {@code table}, is on disk already. */
  @Override
  public boolean test(String table, Row row) {
    Set<List<Object>> present = keys.get(table);
    return present != null
        && !present.isEmpty()
        && present.contains(TABLES.get(table).keyOf(row, false));
  }

  /** The number of rows of {@code table} on disk. */
  public int count(String table) {
    return keys.getOrDefault(table, Set.of()).size();
  }

  /**
   * Deletes run {@code runId}'s runs row(s): a run killed by an exception wrote one with status
   * {@code failed}; the resumed run writes the one that stands.
   */
  public static void deleteRunsRow(SparkSession spark, String resultsDir, String runId) {
    Path partition = new Path(ResultSink.partition(resultsDir, "runs", runId));
    try {
      FileSystem fs = partition.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.delete(partition, true);
    } catch (IOException e) {
      throw new UncheckedIOException("deleting " + partition + " failed: " + e, e);
    }
  }

  /**
   * Deletes what a killed run left uncommitted in its partition folders (Hadoop's {@code
   * _temporary}): a task output committed just before the kill would otherwise be merged into the
   * folder by the next append's job commit, next to the rows the resumed run writes again. Only
   * this run ever writes these folders, and its earlier driver is gone.
   */
  public static void deleteUncommitted(SparkSession spark, String resultsDir, String runId) {
    List<String> tables = new ArrayList<>(TABLES.keySet());
    tables.add("runs");
    for (String table : tables) {
      Path temporary = new Path(ResultSink.partition(resultsDir, table, runId), "_temporary");
      try {
        FileSystem fs = temporary.getFileSystem(spark.sparkContext().hadoopConfiguration());
        fs.delete(temporary, true);
      } catch (IOException e) {
        throw new UncheckedIOException("deleting " + temporary + " failed: " + e, e);
      }
    }
  }

  private static boolean hasParquet(SparkSession spark, String path) {
    Path p = new Path(path);
    try {
      FileSystem fs = p.getFileSystem(spark.sparkContext().hadoopConfiguration());
      return fs.exists(p) && fs.listStatus(p, f -> f.getName().endsWith(".parquet")).length > 0;
    } catch (IOException e) {
      throw new UncheckedIOException("listing " + p + " failed: " + e, e);
    }
  }
}
