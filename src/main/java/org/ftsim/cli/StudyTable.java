package org.ftsim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ftsim.correction.CorrectionStudy;
import org.ftsim.driver.Simulation;

/** The correction study's table: its schema, its console lines and its files (CSV, Parquet). */
final class StudyTable {

  private StudyTable() {}

  /** The table's file names under {@code --out}. */
  static final String PARQUET = org.ftsim.correction.CorrectionStudy.TABLE;

  static final String CSV = "correction_study.csv";

  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("worker", DataTypes.IntegerType, false),
            DataTypes.createStructField("model", DataTypes.StringType, false),
            DataTypes.createStructField("coverage", DataTypes.DoubleType, false),
            DataTypes.createStructField("sample_size", DataTypes.LongType, false),
            DataTypes.createStructField("fit_s", DataTypes.DoubleType, false),
            DataTypes.createStructField("test_mse", DataTypes.DoubleType, false),
            DataTypes.createStructField("mape", DataTypes.DoubleType, false),
            DataTypes.createStructField("relative_mape", DataTypes.DoubleType, false),
            DataTypes.createStructField("test_steps", DataTypes.IntegerType, false),
            DataTypes.createStructField("test_pairs", DataTypes.LongType, false),
            DataTypes.createStructField("true_variance", DataTypes.DoubleType, false),
            DataTypes.createStructField("pairs", DataTypes.StringType, false),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("code_version", DataTypes.StringType, false)
          });

  /** The console table's header line. */
  static String header() {
    return String.format(
        Locale.ROOT,
        "%-6s %-34s %8s %11s %9s %12s %12s %12s %12s",
        "worker",
        "model",
        "coverage",
        "sample_size",
        "fit_s",
        "test_mse",
        "mape",
        "rel_mape",
        "true_var");
  }

  /** One result as a console line. */
  static String line(CorrectionStudy.Result r) {
    return String.format(
        Locale.ROOT,
        "%-6d %-34s %8.2f %11d %9.4f %12.4e %12.4e %12.4e %12.4e",
        r.worker(),
        r.model(),
        r.coverage(),
        r.sampleSize(),
        r.fitSeconds(),
        r.testMse(),
        r.mape(),
        r.relativeMape(),
        r.trueVariance());
  }

  /** Writes {@code results} as CSV and Parquet under the new local directory {@code dir}. */
  static void write(
      SparkSession spark, Path dir, List<CorrectionStudy.Result> results, String pairs, long seed) {
    String version = Simulation.codeVersion();
    List<Row> rows = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    csv.add(String.join(",", SCHEMA.fieldNames()));
    for (CorrectionStudy.Result r : results) {
      Object[] values = {
        r.worker(),
        r.model(),
        r.coverage(),
        r.sampleSize(),
        r.fitSeconds(),
        r.testMse(),
        r.mape(),
        r.relativeMape(),
        r.testSteps(),
        r.testPairs(),
        r.trueVariance(),
        pairs,
        seed,
        version
      };
      rows.add(RowFactory.create(values));
      List<String> cells = new ArrayList<>();
      for (Object v : values) {
        String s = String.valueOf(v);
        cells.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
      }
      csv.add(String.join(",", cells));
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(CSV), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spark
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .parquet(dir.resolve(PARQUET).toUri().toString());
  }
}
