package org.ftsim.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The summaries of a sweep (runs repeated over seeds, or over attacks and faulty counts): ByzFL's
 * heatmaps, the bucketing paper's table of mean ± std over seeds, and the test-metric curves with a
 * ±1.96·std/√seeds band, from the queries {@code sweep_heatmap}, {@code sweep_table} and {@code
 * sweep_curves}. A setting (a configuration but its seed) is labelled by what tells it from the
 * others ({@link RunLabels} over one run of each).
 */
final class SweepSection {

  /** Settings beyond this many are left out of the curves chart (the table has them all). */
  static final int MAX_CURVES = 8;

  private final SparkSession spark;

  SweepSection(SparkSession spark) {
    this.spark = spark;
  }

  /**
   * The sweep's sections, or none when the runs are not a sweep's: no setting repeated over seeds
   * and no heatmap of more than one cell.
   */
  List<Section> all() {
    List<Row> table = Query.SWEEP_TABLE.run(spark).collectAsList();
    List<Row> cells = Query.SWEEP_HEATMAP.run(spark).collectAsList();
    boolean seeds = table.stream().anyMatch(r -> r.<Long>getAs("seeds") > 1);
    Map<String, List<Row>> maps = new LinkedHashMap<>();
    for (Row r : cells) {
      maps.computeIfAbsent(
              r.<String>getAs("setting") + "\n" + r.getAs("rule_chain"), k -> new ArrayList<>())
          .add(r);
    }
    boolean heatmaps = maps.values().stream().anyMatch(l -> l.size() > 1);
    if (!seeds && !heatmaps) {
      return List.of();
    }
    List<Section> sections = new ArrayList<>();
    if (heatmaps) {
      sections.add(heatmaps(maps));
    }
    sections.add(table(table));
    sections.add(curves());
    return sections;
  }

  private Section heatmaps(Map<String, List<Row>> maps) {
    Map<String, String> labels = labels(maps.values().stream().map(l -> l.get(0)).toList());
    List<Figure> figures = new ArrayList<>();
    for (List<Row> cells : maps.values()) {
      TreeSet<Integer> faulty = new TreeSet<>();
      TreeSet<String> heterogeneity = new TreeSet<>();
      cells.forEach(
          r -> {
            faulty.add(r.<Integer>getAs("faulty_workers"));
            heterogeneity.add(r.<String>getAs("heterogeneity"));
          });
      List<String> columns = List.copyOf(heterogeneity);
      List<Integer> rows = List.copyOf(faulty);
      double[][] values = new double[rows.size()][columns.size()];
      for (double[] row : values) {
        java.util.Arrays.fill(row, Double.NaN);
      }
      for (Row r : cells) {
        values[rows.indexOf(r.<Integer>getAs("faulty_workers"))][
                columns.indexOf(r.<String>getAs("heterogeneity"))] =
            r.<Double>getAs("worst_accuracy");
      }
      Row first = cells.get(0);
      String label = labels.get(first.<String>getAs("example_run"));
      String title =
          first.<String>getAs("rule_chain") + (label.isEmpty() ? "" : " (" + label + ")");
      figures.add(
          Figure.render(
              "chart-heatmap-" + Sections.htmlId(first.getAs("example_run")),
              "Worst case over attacks: " + title,
              SweepCharts.heatmap(
                  title,
                  "heterogeneity (--partition)",
                  columns,
                  "faulty workers",
                  rows.stream().map(String::valueOf).toList(),
                  values),
              Sections.PANEL_WIDTH,
              Sections.PANEL_HEIGHT + 40));
    }
    return new Section(
        "sweep-heatmap",
        "Worst case over attacks (ByzFL's heatmap)",
        "For each rule chain (pre-aggregators → rule): per number of faulty workers and data"
            + " heterogeneity, the lowest over the attacks of the best test accuracy a run reached,"
            + " averaged over seeds (query sweep_heatmap).",
        figures);
  }

  private Section table(List<Row> rows) {
    Map<String, String> labels = labels(rows);
    List<List<String>> table = new ArrayList<>();
    table.add(
        List.of(
            "setting",
            "rule chain",
            "faulty",
            "attack",
            "heterogeneity",
            "seeds",
            "last 5 evaluations, mean ± std"));
    for (Row r : rows) {
      boolean accuracy = "accuracy".equals(r.getAs("metric_name"));
      double scale = accuracy ? 100 : 1;
      Double std = r.getAs("std");
      table.add(
          List.of(
              labels.get(r.<String>getAs("example_run")),
              r.<String>getAs("rule_chain"),
              String.valueOf(r.<Integer>getAs("faulty_workers")),
              r.<String>getAs("attack"),
              r.<String>getAs("heterogeneity"),
              String.valueOf(r.<Long>getAs("seeds")),
              String.format(
                      Locale.ROOT, accuracy ? "%.2f" : "%.4g", r.<Double>getAs("mean") * scale)
                  + (std == null
                      ? ""
                      : String.format(Locale.ROOT, accuracy ? " ± %.2f" : " ± %.3g", std * scale))
                  + (accuracy ? " %" : "")));
    }
    return new Section(
        "sweep-table",
        "Mean ± std over seeds (the bucketing paper's table)",
        "Per run, the mean of its last 5 evaluations; per setting, the mean and the sample standard"
            + " deviation of those over seeds (query sweep_table; accuracy in percent).",
        List.of(),
        table);
  }

  private Section curves() {
    List<Row> rows = Query.SWEEP_CURVES.run(spark).collectAsList();
    Map<String, List<Row>> bySetting = new LinkedHashMap<>();
    for (Row r : rows) {
      bySetting
          .computeIfAbsent(
              r.<String>getAs("metric_name") + "\n" + r.getAs("setting"), k -> new ArrayList<>())
          .add(r);
    }
    Map<String, String> labels = labels(bySetting.values().stream().map(l -> l.get(0)).toList());
    Map<String, Map<String, double[][]>> byMetric = new LinkedHashMap<>();
    for (List<Row> points : bySetting.values()) {
      Row first = points.get(0);
      Map<String, double[][]> series =
          byMetric.computeIfAbsent(first.getAs("metric_name"), m -> new LinkedHashMap<>());
      if (series.size() >= MAX_CURVES) {
        continue;
      }
      String label = labels.get(first.<String>getAs("example_run"));
      series.put(
          first.<String>getAs("rule_chain")
              + (label.isEmpty() ? "" : " · " + label)
              + " ("
              + first.<Long>getAs("seeds")
              + " seeds)",
          points.stream()
              .map(
                  r ->
                      new double[] {
                        r.<Integer>getAs("step"),
                        r.<Double>getAs("mean"),
                        r.<Double>getAs("lower"),
                        r.<Double>getAs("upper")
                      })
              .toArray(double[][]::new));
    }
    List<Figure> figures = new ArrayList<>();
    byMetric.forEach(
        (metric, series) ->
            figures.add(
                Figure.render(
                    "chart-sweep-curves-" + metric,
                    "Test " + metric + " over seeds",
                    SweepCharts.bands("Test " + metric + ", mean over seeds", metric, series),
                    Sections.WIDTH,
                    Sections.HEIGHT)));
    return new Section(
        "sweep-curves",
        "Test metric over seeds",
        "Per setting, the mean over seeds at every evaluation and a band of ±1.96·std/√seeds"
            + " (query sweep_curves; at most "
            + MAX_CURVES
            + " settings per chart).",
        figures);
  }

  /**
   * Each row's example run labelled by what tells its setting from the others': {@link RunLabels}
   * over the example runs' configurations with the seed made equal; empty when nothing does.
   */
  private Map<String, String> labels(List<Row> rows) {
    Map<String, String> configs = new LinkedHashMap<>();
    List<String> ids = rows.stream().map(r -> r.<String>getAs("example_run")).distinct().toList();
    if (ids.isEmpty()) {
      return Map.of();
    }
    for (Row r :
        spark
            .table("runs")
            .where(org.apache.spark.sql.functions.col("run_id").isin(ids.toArray()))
            .select("run_id", "config_json")
            .collectAsList()) {
      configs.put(r.getString(0), r.getString(1).replaceAll("\"seed\":\\d+", "\"seed\":0"));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    RunLabels.of(configs).forEach((id, label) -> labels.put(id, label.equals(id) ? "" : label));
    return labels;
  }
}
