package org.ftsim.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.ftsim.config.ConfigException;
import org.ftsim.results.Table;

/**
 * Registers a results directory's tables (SPEC §8) as Spark SQL temporary views named like the
 * tables, read with the schemas of {@link Table} (a table a run never wrote, such as {@code
 * corrections} without {@code --correct}, is an empty view; a column an older run lacks reads as
 * null), and restricted to some runs if asked.
 */
final class ResultTables {

  /** The flag that names the results directory, as {@code ftsim train} spells it. */
  static final String FLAG = "-tb/--tb";

  /** The flag that selects runs. */
  static final String RUNS_FLAG = "--runs";

  private static final String PARTITION = "run_id=";

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
    FileSystem fs;
    try {
      fs = new Path(root).getFileSystem(spark.sparkContext().hadoopConfiguration());
    } catch (IOException e) {
      throw new ConfigException(FLAG, dir, "cannot read: " + e.getMessage());
    }
    List<String> all = runIds(fs, dir, new Path(root));
    if (!runIds.isEmpty()) {
      List<String> unknown = runIds.stream().filter(id -> !all.contains(id)).toList();
      if (!unknown.isEmpty()) {
        throw new ConfigException(
            RUNS_FLAG,
            String.join(",", runIds),
            "unknown run id " + String.join(", ", unknown) + "; " + dir + " holds " + list(all));
      }
    }
    for (Table table : Table.values()) {
      Dataset<Row> rows = read(spark, fs, root + "/" + table.folder(), table.schema());
      if (!runIds.isEmpty()) {
        rows = rows.where(col("run_id").isin(runIds.toArray()));
      }
      rows.createOrReplaceTempView(table.folder());
    }
    return runIds.isEmpty() ? all : runIds.stream().sorted().toList();
  }

  /**
   * The run ids of the {@code runs} table, read from its partition folders (no Spark job); checks
   * on the way that {@code root} holds ftsim results.
   */
  private static List<String> runIds(FileSystem fs, String dir, Path root) {
    try {
      if (!fs.exists(root)) {
        throw new ConfigException(FLAG, dir, "no such directory");
      }
      if (!fs.getFileStatus(root).isDirectory()) {
        throw new ConfigException(FLAG, dir, "not a directory");
      }
      FileStatus[] entries = fs.listStatus(root);
      if (entries.length == 0) {
        throw new ConfigException(FLAG, dir, "empty directory, no ftsim results in it");
      }
      Path runs = new Path(root, Table.RUNS.folder());
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
      List<String> ids =
          fs.getFileStatus(runs).isDirectory()
              ? Arrays.stream(fs.listStatus(runs))
                  .filter(s -> s.isDirectory() && s.getPath().getName().startsWith(PARTITION))
                  .map(s -> unescape(s.getPath().getName().substring(PARTITION.length())))
                  .sorted()
                  .toList()
              : List.of();
      if (ids.isEmpty()) {
        throw new ConfigException(
            FLAG, dir, "not ftsim results: runs holds no " + PARTITION + "… partition");
      }
      return ids;
    } catch (IOException e) {
      throw new ConfigException(FLAG, dir, "cannot read: " + e.getMessage());
    }
  }

  /** A partition value from its folder name, where Spark writes special characters as %XX. */
  static String unescape(String name) {
    StringBuilder value = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '%'
          && i + 2 < name.length()
          && isHex(name.charAt(i + 1))
          && isHex(name.charAt(i + 2))) {
        value.append((char) Integer.parseInt(name.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        value.append(c);
      }
    }
    return value.toString();
  }

  private static boolean isHex(char c) {
    return Character.digit(c, 16) >= 0;
  }

  private static Dataset<Row> read(
      SparkSession spark, FileSystem fs, String path, StructType schema) {
    try {
      if (!fs.exists(new Path(path))) {
        return spark.createDataFrame(List.of(), schema);
      }
    } catch (IOException e) {
      throw new ConfigException(FLAG, path, "cannot read: " + e.getMessage());
    }
    return spark.read().schema(schema).parquet(path);
  }

  private static String list(List<String> ids) {
    String shown = ids.stream().limit(10).collect(Collectors.joining(", "));
    return ids.size() > 10 ? shown + ", … (" + ids.size() + " runs)" : shown;
  }
}
