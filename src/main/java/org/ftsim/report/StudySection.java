package org.ftsim.report;

import static org.apache.spark.sql.functions.col;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.ConfigException;

/**
 * The report's correction-study section: the table that {@code ftsim correction-study} writes under
 * its {@code --out} ({@value #TABLE}) drawn as the prototype's {@code LR_MAPE_vs_DC} and {@code
 * LR_time_vs_DC} plots: MAPE and fit time against coverage, one line per model, each point the mean
 * over the study's workers, on log y axes. The table is small (workers × models × coverages rows):
 * it is read whole.
 */
final class StudySection {

  /** The flag that names the study's directory. */
  static final String FLAG = "--study";

  /** The study's table under its directory, as {@code ftsim correction-study} names it. */
  static final String TABLE = org.ftsim.correction.CorrectionStudy.TABLE;

  /** The columns drawn, and the provenance named in the note. */
  private static final List<String> COLUMNS =
      List.of("worker", "model", "coverage", "mape", "fit_s", "pairs");

  private final String dir;
  private final List<Row> rows;

  private StudySection(String dir, List<Row> rows) {
    this.dir = dir;
    this.rows = rows;
  }

  /**
   * Reads the study in {@code dir} (any Hadoop path).
   *
   * @throws ConfigException when {@code dir} is missing, not a directory or holds no readable study
   *     table with the study's columns and at least one row
   */
  static StudySection read(SparkSession spark, String dir) {
    String root = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
    if (root.isBlank()) {
      throw new ConfigException(FLAG, dir, "no directory given");
    }
    try {
      Path path = new Path(root);
      FileSystem fs = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
      if (!fs.exists(path)) {
        throw new ConfigException(FLAG, dir, "no such directory");
      }
      if (!fs.getFileStatus(path).isDirectory()) {
        throw new ConfigException(FLAG, dir, "not a directory");
      }
      if (!fs.exists(new Path(path, TABLE))) {
        String names =
            Arrays.stream(fs.listStatus(path))
                .map(FileStatus::getPath)
                .map(Path::getName)
                .sorted()
                .limit(5)
                .collect(Collectors.joining(", "));
        throw new ConfigException(
            FLAG,
            dir,
            "not a correction study: no "
                + TABLE
                + " in it ("
                + (names.isEmpty() ? "it is empty" : "it holds " + names)
                + ")");
      }
    } catch (IOException e) {
      throw new ConfigException(FLAG, dir, "cannot read: " + e.getMessage());
    }
    Dataset<Row> table;
    try {
      table = spark.read().parquet(root + "/" + TABLE);
    } catch (Exception e) { // Spark's AnalysisException: no Parquet files, a damaged footer
      throw new ConfigException(FLAG, dir, "cannot read " + TABLE + ": " + firstLine(e));
    }
    Set<String> present = new TreeSet<>(Arrays.asList(table.columns()));
    List<String> missing = COLUMNS.stream().filter(c -> !present.contains(c)).toList();
    if (!missing.isEmpty()) {
      throw new ConfigException(
          FLAG,
          dir,
          "not a correction study: " + TABLE + " lacks the columns " + String.join(", ", missing));
    }
    List<Row> rows;
    try {
      rows =
          table
              .select(
                  col("worker").cast("int"),
                  col("model").cast("string"),
                  col("coverage").cast("double"),
                  col("mape").cast("double"),
                  col("fit_s").cast("double"),
                  col("pairs").cast("string"))
              .collectAsList();
    } catch (Exception e) { // a column that does not cast, a file that is not Parquet
      throw new ConfigException(FLAG, dir, "cannot read " + TABLE + ": " + firstLine(e));
    }
    if (rows.isEmpty()) {
      throw new ConfigException(FLAG, dir, TABLE + " holds no rows");
    }
    return new StudySection(dir, rows);
  }

  /** The section: MAPE and fit time against coverage, side by side. */
  Section section() {
    Map<String, double[][]> mape = means(rows, 3);
    Map<String, double[][]> fit = means(rows, 4);
    String coverage = "coverage (share of the coordinates fitted on)";
    var mapeChart = Charts.lines("MAPE against coverage", coverage, "MAPE", mape, Charts.Scale.LOG);
    var fitChart =
        Charts.lines("Fit time against coverage", coverage, "fit (s)", fit, Charts.Scale.LOG);
    long workers = rows.stream().map(r -> r.get(0)).distinct().count();
    String pairs =
        rows.stream().map(r -> r.getString(5)).distinct().collect(Collectors.joining(", "));
    long notDrawn =
        mape.values().stream().flatMap(Arrays::stream).filter(p -> !(p[1] > 0)).count()
            + fit.values().stream().flatMap(Arrays::stream).filter(p -> !(p[1] > 0)).count();
    String note =
        String.format(
            Locale.ROOT,
            "The correction study in %s (ftsim correction-study over %s): the MAPE of each model's"
                + " predictions of the later replica steps (the prototype's, mean |y − ŷ| /"
                + " |y + 1|) and the time of its fit, against coverage (the share of the first"
                + " replica step's coordinates fitted on), one line per model; each point is the"
                + " mean over the %d worker%s, on log scales, as the prototype's LR_MAPE_vs_DC and"
                + " LR_time_vs_DC.%s",
            dir,
            pairs,
            workers,
            workers == 1 ? "" : "s",
            notDrawn == 0
                ? ""
                : String.format(
                    Locale.ROOT, " %d mean%s of 0 not drawn.", notDrawn, notDrawn == 1 ? "" : "s"));
    return new Section(
        "correction-study",
        "Correction study",
        note,
        List.of(
            Figure.render(
                "chart-study-mape",
                "MAPE against coverage",
                mapeChart,
                Sections.PANEL_WIDTH,
                Sections.PANEL_HEIGHT),
            Figure.render(
                "chart-study-fit-time",
                "Fit time against coverage",
                fitChart,
                Sections.PANEL_WIDTH,
                Sections.PANEL_HEIGHT)));
  }

  /**
   * Each model's (coverage, mean of column {@code value}) points, by coverage, models in the order
   * they first appear; non-finite values are left out of the means.
   *
   * @param rows rows of worker, model, coverage, mape, fit_s, pairs
   */
  static Map<String, double[][]> means(List<Row> rows, int value) {
    Map<String, TreeMap<Double, double[]>> sums = new LinkedHashMap<>();
    for (Row r : rows) {
      if (r.isNullAt(1) || r.isNullAt(2) || r.isNullAt(value)) {
        continue;
      }
      double v = r.getDouble(value);
      if (Double.isFinite(v)) {
        double[] sum =
            sums.computeIfAbsent(r.getString(1), m -> new TreeMap<>())
                .computeIfAbsent(r.getDouble(2), c -> new double[2]);
        sum[0] += v;
        sum[1]++;
      }
    }
    Map<String, double[][]> means = new LinkedHashMap<>();
    sums.forEach(
        (model, byCoverage) -> {
          List<double[]> points = new ArrayList<>();
          byCoverage.forEach((c, sum) -> points.add(new double[] {c, sum[0] / sum[1]}));
          means.put(model, points.toArray(new double[0][]));
        });
    return means;
  }

  /** The first line of the exception's message, at most 200 characters. */
  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage()).strip();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() <= 200 ? m : m.substring(0, 200) + "…";
  }
}
