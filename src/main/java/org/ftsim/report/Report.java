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
import java.util.ArrayList;
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
 * correction ran, k, phase and the corrections' true error; and, if asked, the charts of a
 * correction study ({@code ftsim correction-study}), beside the runs or alone. The page appears
 * whole or not at all.
 */
public final class Report {

  /** The flag that names the page. */
  public static final String OUT_FLAG = "--out";

  /**
   * What was written.
   *
   * @param page the HTML file
   * @param runs the runs it shows
   * @param study whether it shows a correction study
   * @param charts the charts it embeds
   */
  public record Summary(Path page, int runs, boolean study, int charts) {}

  private static final List<String> CACHED = List.of("runs", "steps", "evals");

  private Report() {}

  /** The page's default path: {@code DIR/report.html} for a local DIR, else ./report.html. */
  public static Path defaultPage(String dir) {
    URI uri = new org.apache.hadoop.fs.Path(dir).toUri();
    boolean local = uri.getScheme() == null || uri.getScheme().equals("file");
    return local ? Path.of(uri.getPath(), "report.html") : Path.of("report.html");
  }

  /**
   * Writes the report of the results in {@code dir} and of the correction study in {@code study}
   * (any Hadoop paths; at least one of them) to {@code page}.
   *
   * @param dir the results directory of {@code ftsim train}, or null for a page of the study alone
   * @param runIds the runs to show; empty for all
   * @param study the directory {@code ftsim correction-study} wrote (its {@code --out}), or null
   * @param page the page, or null for the {@link #defaultPage} of {@code dir}, else of {@code
   *     study}
   * @throws ConfigException for a user error: {@code dir} missing, empty or not ftsim results, an
   *     unknown run id, {@code study} missing or not a correction study, {@code page} not writable;
   *     nothing is written then
   */
  public static Summary write(
      SparkSession spark, String dir, List<String> runIds, String study, Path page) {
    if (dir == null && study == null) {
      throw new IllegalArgumentException("a report needs a results directory or a study");
    }
    System.setProperty("java.awt.headless", "true");
    if (dir != null) {
      ResultTables.register(spark, dir, runIds);
    }
    StudySection studied = study == null ? null : StudySection.read(spark, study);
    Path shown = page != null ? page : defaultPage(dir != null ? dir : study);
    Path target = shown.toAbsolutePath();
    if (!Files.isDirectory(target.getParent())) {
      throw new ConfigException(OUT_FLAG, shown, "no directory " + target.getParent());
    }
    if (!Files.isWritable(target.getParent())) {
      throw new ConfigException(OUT_FLAG, shown, "cannot write in " + target.getParent());
    }
    List<RunRow> runs = List.of();
    RunColors colours = RunColors.choose(runs);
    List<Section> sections = new ArrayList<>();
    if (dir != null) {
      // Several queries read these small tables: read their files once.
      CACHED.forEach(spark.catalog()::cacheTable);
      try {
        runs = runs(spark);
        colours = RunColors.choose(runs);
        sections.addAll(new Sections(spark, runs, colours).all());
        sections.addAll(new SweepSection(spark).all());
      } finally {
        CACHED.forEach(spark.catalog()::uncacheTable);
      }
    }
    List<String> meta = new ArrayList<>();
    if (dir != null) {
      meta.add(dir);
      meta.add(runs.size() + (runs.size() == 1 ? " run" : " runs"));
    }
    if (studied != null) {
      meta.add("correction study " + study);
      sections.add(studied.section());
    }
    meta.add(
        "made " + ZonedDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z")));
    String html = HtmlPage.render(dir != null ? dir : study, meta, runs, colours, sections);
    writeWhole(target, html);
    int charts = sections.stream().mapToInt(s -> s.figures().size()).sum();
    return new Summary(target, runs.size(), studied != null, charts);
  }

  /** The runs of the registered views, labelled by their distinguishing settings. */
  private static List<RunRow> runs(SparkSession spark) {
    List<Row> rows = Query.RUNS.run(spark).collectAsList();
    Map<String, String> configs = new LinkedHashMap<>();
    rows.forEach(r -> configs.put(r.getAs("run_id"), r.getAs("config_json")));
    Map<String, String> labels = RunLabels.of(configs);
    return rows.stream().map(r -> RunRow.of(r, labels.get(r.<String>getAs("run_id")))).toList();
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
