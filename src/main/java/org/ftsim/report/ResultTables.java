package org.ftsim.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ftsim.config.ConfigException;
import org.ftsim.results.Tables;

/**
 * Registers a results directory's tables (SPEC §8) as Spark SQL temporary views named like the
 * tables, read with the schemas of {@link Tables} (a table a run never wrote, such as {@code
 * corrections} without {@code --correct}, is an empty view), and restricted to some runs if asked.
 */
final class ResultTables {

  /** The flag that names the results directory, as {@code ftsim train} spells it. */
  static final String FLAG = "-tb/--tb";

  /** The flag that selects runs. */
  static final String RUNS_FLAG = "--runs";

  private static final Map<String, StructType> SCHEMAS = new LinkedHashMap<>();

  static {
    SCHEMAS.put("runs", Tables.RUNS);
    SCHEMAS.put("steps", Tables.STEPS);
    SCHEMAS.put("evals", Tables.EVALS);
    SCHEMAS.put("workers", Tables.WORKERS);
    SCHEMAS.put("shards", Tables.SHARDS);
    SCHEMAS.put("corrections", Tables.CORRECTIONS);
  }

  private ResultTables() {}

  /**
   * Registers the views of {@code dir}, restricted to {@code runIds} unless it is empty, and
   * returns the ids of the runs they hold, sorted.
   *
   * @throws ConfigException when {@code dir} is missing, empty or not ftsim results, or names an
   *     unknown run
   */
  static List<String> register(SparkSession spark, String dir, List<String> runIds) {
    String root = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    checkLooksLikeResults(spark, root);
    List<String> all = runIdsOf(spark, root + "/runs");
    if (!runIds.isEmpty()) {
      List<String> unknown = runIds.stream().filter(id -> !all.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw new ConfigException(
            RUNS_FLAG,
            String.join(",", runIds),
            "unknown run id " + String.join(", ", unknown) + "; " + dir + " holds " + list(all));
      }
    }
    for (Map.Entry<String, StructType> table : SCHEMAS.entrySet()) {
      Dataset<Row> rows = read(spark, root + "/" + table.getKey(), table.getValue());
      if (!runIds.isEmpty()) {
        rows = rows.where(col("run_id").isin(runIds.toArray()));
      }
      rows.createOrReplaceTempView(table.getKey());
    }
    return runIds.isEmpty() ? all : runIds.stream().sorted().toList();
  }

  private static void checkLooksLikeResults(SparkSession spark, String dir) {
    try {
      Path path = new Path(dir);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new ConfigException(FLAG, dir, "no such directory");
      }
      if (!fs.getFileStatus(path).isDirectory()) {
        throw new ConfigException(FLAG, dir, "not a directory");
      }
      FileStatus[] entries = fs.listStatus(path);
      if (entries.length == 0) {
        throw new ConfigException(FLAG, dir, "empty directory, no ftsim results in it");
      }
      Path runs = new Path(path, "runs");
      if (!fs.exists(runs)) {
        String names =
            Arrays.stream(entries)
                .map(s -> s.getPath().getName())
                .sorted()
                .limit(5)
                .collect(Collectors.joining(", "));
        throw new ConfigException(
            FLAG, dir, "not ftsim results: no runs table in it (it holds " + names + ")");
      }
      // Checked before Spark reads it: a job over files that are not Parquet logs stack traces.
      if (!fs.getFileStatus(runs).isDirectory()
          || Arrays.stream(fs.listStatus(runs))
              .noneMatch(s -> s.isDirectory() && s.getPath().getName().startsWith("run_id="))) {
        throw new ConfigException(FLAG, dir, "not ftsim results: runs holds no run_id=… partition");
      }
    } catch (IOException e) {
      throw new ConfigException(FLAG, dir, "cannot read: " + e.getMessage());
    }
  }

  /** The run ids of a {@code runs} table; checks on the way that it is one. */
  private static List<String> runIdsOf(SparkSession spark, String path) {
    Dataset<Row> runs;
    try {
      runs = spark.read().parquet(path);
    } catch (Exception e) { // AnalysisException, SparkException: not a Parquet table
      throw notResults(path, "not a Parquet table");
    }
    List<String> columns = Arrays.asList(runs.columns());
    if (!columns.contains("run_id") || !columns.contains("config_json")) {
      throw notResults(path, "a table without run_id and config_json");
    }
    List<Row> ids = runs.select(col("run_id").cast("string")).distinct().collectAsList();
    TreeSet<String> sorted = new TreeSet<>();
    for (Row r : ids) {
      if (r.isNullAt(0)) {
        throw notResults(path, "rows without a run_id");
      }
      sorted.add(r.getString(0));
    }
    if (sorted.isEmpty()) {
      throw notResults(path, "no runs");
    }
    return List.copyOf(sorted);
  }

  private static ConfigException notResults(String path, String what) {
    String dir = path.substring(0, path.length() - "/runs".length());
    return new ConfigException(FLAG, dir, "not ftsim results: runs is " + what);
  }

  private static Dataset<Row> read(SparkSession spark, String path, StructType schema) {
    try {
      Path p = new Path(path);
      if (!p.getFileSystem(spark.sparkContext().hadoopConfiguration()).exists(p)) {
        return spark.createDataFrame(List.of(), schema);
      }
    } catch (IOException e) {
      throw new ConfigException(FLAG, path, "cannot read: " + e.getMessage());
    }
    // The schema of this version: a column an older run lacks reads as null.
    return spark.read().schema(schema).parquet(path);
  }

  private static String list(List<String> ids) {
    String shown = ids.stream().limit(10).collect(Collectors.joining(", "));
    return ids.size() > 10 ? shown + ", … (" + ids.size() + " runs)" : shown;
  }
}
