package org.ftsim.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Table;

/**
 * The rows of one run already on disk, by their key in each table, for a resumed run to skip: a
 * killed run may have flushed rows of steps after its last checkpoint (an epoch ended, or a failure
 * flushed what it had), and the resumed run produces the same rows again. They are kept and the new
 * copies dropped, since a run is deterministic (the timing columns aside). Keys: steps and evals by
 * step (and metric), workers and corrections by step and worker, shards by worker and label.
 */
public final class WrittenRows implements BiPredicate<Table, Row> {

  private static List<Object> keyOf(Table table, Row row, boolean byName) {
    List<Object> values = new ArrayList<>(table.key().size());
    for (String column : table.key()) {
      values.add(byName ? row.getAs(column) : row.get(table.schema().fieldIndex(column)));
    }
    return values;
  }

  private final Map<Table, Set<List<Object>>> keys;

  private WrittenRows(Map<Table, Set<List<Object>>> keys) {
    this.keys = keys;
  }

  /** Reads the keys of run {@code runId}'s rows under {@code resultsDir}. */
  public static WrittenRows read(SparkSession spark, String resultsDir, String runId) {
    Map<Table, Set<List<Object>>> keys = new EnumMap<>(Table.class);
    for (Table table : Table.values()) {
      if (table == Table.RUNS) {
        continue;
      }
      Set<List<Object>> present = new HashSet<>();
      String partition = ResultSink.partition(resultsDir, table.folder(), runId);
      if (hasParquet(spark, partition)) {
        String[] rest = table.key().subList(1, table.key().size()).toArray(new String[0]);
        for (Row row :
            spark.read().parquet(partition).select(table.key().get(0), rest).collectAsList()) {
          present.add(keyOf(table, row, true));
        }
      }
      keys.put(table, present);
    }
    return new WrittenRows(keys);
  }

  /** Whether {@code row}, buffered for {@code table}, is on disk already. */
  @Override
  public boolean test(Table table, Row row) {
    Set<List<Object>> present = keys.get(table);
    return present != null && !present.isEmpty() && present.contains(keyOf(table, row, false));
  }

  /** The number of rows of {@code table} on disk. */
  public int count(Table table) {
    return keys.getOrDefault(table, Set.of()).size();
  }

  /**
   * Deletes run {@code runId}'s runs row(s): a run killed by an exception wrote one with status
   * {@code failed}; the resumed run writes the one that stands.
   */
  public static void deleteRunsRow(SparkSession spark, String resultsDir, String runId) {
    Path partition = new Path(ResultSink.partition(resultsDir, Table.RUNS.folder(), runId));
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
    for (Table table : Table.values()) {
      Path temporary =
          new Path(ResultSink.partition(resultsDir, table.folder(), runId), "_temporary");
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
