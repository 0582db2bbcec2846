package org.ftsim.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.ConfigException;

/**
 * {@code ftsim report}: reads a results directory through Spark SQL (the queries of {@code
 * notebooks/queries/}) and writes one self-contained HTML page: a table of the runs and PNG charts
 * of the test metric, the train loss, the honest and faulty workers' gradient norms and, when
 * correction ran, k, phase and the corrections' true error. The page appears whole or not at all.
 */
public final class Report {

  /** The flag that names the page. */
  public static final String OUT_FLAG = "--out";

  /**
   * What was written.
   *
   * @param page the HTML file
   * @param runs the runs it shows
   * @param charts the charts it embeds
   */
  public record Summary(Path page, int runs, int charts) {}

  private static final List<String> CACHED = List.of("runs", "steps", "evals");

  private Report() {}

  /** The page's default path: {@code DIR/report.html} for a local DIR, else ./report.html. */
  public static Path defaultPage(String dir) {
    URI uri = new org.apache.hadoop.fs.Path(dir).toUri();
    boolean local = uri.getScheme() == null || uri.getScheme().equals("file");
    return local ? Path.of(uri.getPath(), "report.html") : Path.of("report.html");
  }

  /**
   * Writes the report of the results in {@code dir} (any Hadoop path) to {@code page}.
   *
   * @param runIds the runs to show; empty for all
   * @throws ConfigException for a user error: {@code dir} missing, empty or not ftsim results, an
   *     unknown run id, {@code page} not writable; nothing is written then
   */
  public static Summary write(SparkSession spark, String dir, List<String> runIds, Path page) {
    System.setProperty("java.awt.headless", "true");
    ResultTables.register(spark, dir, runIds);
    Path target = page.toAbsolutePath();
    if (!Files.isDirectory(target.getParent())) {
      throw new ConfigException(OUT_FLAG, page, "no directory " + target.getParent());
    }
    if (!Files.isWritable(target.getParent())) {
      throw new ConfigException(OUT_FLAG, page, "cannot write in " + target.getParent());
    }
    // Several queries read these small tables: read their files once.
    CACHED.forEach(spark.catalog()::cacheTable);
    Page built;
    try {
      built = build(spark, dir);
    } finally {
      CACHED.forEach(spark.catalog()::uncacheTable);
    }
    writeWhole(target, built.html());
    return new Summary(target, built.runs(), built.charts());
  }

  private record Page(String html, int runs, int charts) {}

  /** Runs the queries over the registered views and renders the page. */
  private static Page build(SparkSession spark, String dir) {
    List<Row> rows = Query.RUNS.run(spark).collectAsList();
    Map<String, String> configs = new LinkedHashMap<>();
    rows.forEach(r -> configs.put(r.getAs("run_id"), r.getAs("config_json")));
    Map<String, String> labels = RunLabels.of(configs);
    List<RunRow> runs =
        rows.stream().map(r -> RunRow.of(r, labels.get(r.<String>getAs("run_id")))).toList();
    RunColors colours = RunColors.choose(runs);
    List<Section> sections = new Sections(spark, runs, colours).all();
    String made = ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z"));
    int charts = sections.stream().mapToInt(s -> s.figures().size()).sum();
    return new Page(HtmlPage.render(dir, runs, colours, sections, made), runs.size(), charts);
  }

  /** Writes a temporary file beside {@code target}, then renames it into place. */
  private static void writeWhole(Path target, String html) {
    Path tmp = null;
    try {
      tmp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
      Files.writeString(tmp, html, StandardCharsets.UTF_8);
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("writing " + target + " failed", e);
    } finally {
      try {
        if (tmp != null) {
          Files.deleteIfExists(tmp);
        }
      } catch (IOException ignored) {
        // the rename failed already; that error is the one to report
      }
    }
  }
}
