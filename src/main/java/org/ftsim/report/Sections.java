package org.ftsim.report;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report's charts: which query feeds which chart, which runs get a panel of their own, and what
 * the notes under them say. Only aggregated or per-evaluation rows reach the driver: curves are
 * reduced to at most 200 points per run by the queries, and per-run panels (gradient norms,
 * correction phases) are drawn for at most {@value #MAX_PANELS} runs, whose rows are selected
 * before they are collected.
 */
final class Sections {

  /** Size of a chart over all runs, in pixels. */
  static final int WIDTH = 960;

  static final int HEIGHT = 500;

  /** Size of a per-run panel. */
  static final int PANEL_WIDTH = 470;

  static final int PANEL_HEIGHT = 300;

  /** The most runs given a panel of their own. */
  static final int MAX_PANELS = 6;

  private final SparkSession spark;
  private final List<RunRow> runs;
  private final Map<String, String> labels = new LinkedHashMap<>();
  private final RunColors colours;

  Sections(SparkSession spark, List<RunRow> runs, RunColors colours) {
    this.spark = spark;
    this.runs = runs;
    this.colours = colours;
    runs.forEach(r -> labels.put(r.runId(), r.label()));
  }

  /** Every section, in reading order. */
  List<Section> all() {
    List<Section> sections = new ArrayList<>(metrics());
    sections.add(trainLoss());
    sections.add(norms());
    if (runs.stream().anyMatch(RunRow::simulatedCorrection)) {
      sections.add(correction());
    }
    Section ruleScores = RuleScoreSection.of(spark, labels);
    if (ruleScores != null) {
      sections.add(ruleScores);
    }
    Section detection = DetectionSection.of(spark, labels);
    if (detection != null) {
      sections.add(detection);
    }
    return sections;
  }

  private List<Section> metrics() {
    Map<String, List<Row>> byMetric = new TreeMap<>();
    for (Row r : Query.METRIC_CURVES.run(spark).collectAsList()) {
      byMetric.computeIfAbsent(r.getAs("metric_name"), m -> new ArrayList<>()).add(r);
    }
    if (byMetric.isEmpty()) {
      return List.of(new Section("metric", "Test metric", "No run has evaluated yet.", List.of()));
    }
    List<Section> sections = new ArrayList<>();
    byMetric.forEach(
        (metric, rows) -> {
          String title = "Test " + metric;
          var chart =
              Charts.runLines(
                  title, metric, lines(rows, "metric"), labels, colours, Charts.Scale.LINEAR, true);
          sections.add(
              new Section(
                  "metric-" + metric,
                  title,
                  "The test " + metric + " at every evaluation, one line per run. " + legendNote(),
                  List.of(Figure.render("chart-metric-" + metric, title, chart, WIDTH, HEIGHT))));
        });
    return sections;
  }

  private Section trainLoss() {
    var chart =
        Charts.runLines(
            "Train loss",
            "mean loss of the workers' sub-batches",
            lines(Query.TRAIN_LOSS.run(spark).collectAsList(), "train_loss"),
            labels,
            colours,
            Charts.Scale.LOG,
            false);
    return new Section(
        "train-loss",
        "Train loss",
        "The mean of all workers' sub-batch losses against step, on a log scale; runs longer than"
            + " 200 steps are averaged over buckets of consecutive steps (at most 200 points per"
            + " run). "
            + legendNote(),
        List.of(Figure.render("chart-train-loss", "Train loss", chart, WIDTH, HEIGHT)));
  }

  private Section norms() {
    List<String> shown =
        panelRuns(RunRow::simulated, Comparator.comparing((RunRow r) -> r.faultyWorkers() == 0));
    List<Row> rows =
        Query.WORKER_NORMS.run(spark).where(col("run_id").isin(shown.toArray())).collectAsList();
    List<Figure> figures = new ArrayList<>();
    long notDrawn = 0;
    for (String run : shown) {
      Map<String, double[][]> bands = new LinkedHashMap<>();
      for (String kind : List.of("honest", "faulty")) {
        List<double[]> points = new ArrayList<>();
        for (Row r : rows) {
          if (r.getAs("run_id").equals(run) && r.getAs("workers").equals(kind)) {
            points.add(new double[] {step(r), num(r, "p10"), num(r, "p50"), num(r, "p90")});
            notDrawn += r.<Long>getAs("other_reports");
          }
        }
        if (!points.isEmpty()) {
          bands.put(kind, points.toArray(new double[0][]));
        }
      }
      figures.add(
          Figure.render(
              "chart-norms-" + htmlId(run),
              "Gradient norms: " + labels.get(run),
              Charts.normBands(panelTitle(run), bands),
              PANEL_WIDTH,
              PANEL_HEIGHT));
    }
    String note =
        "The norms of the gradients the honest and the faulty workers reported (workers.grad_norm:"
            + " for a corrected worker, that of its corrected gradient): median and 10th–90th"
            + " percentile per step (per bucket of steps beyond 200 steps), on a log scale. "
            + panelNote(
                shown.size(),
                (int) runs.stream().filter(RunRow::simulated).count(),
                "runs",
                "named runs first, those with faulty workers first")
            + (notDrawn > 0
                ? String.format(
                    Locale.ROOT,
                    " %d reports without a finite norm (crashed, NaN or infinite) are not drawn.",
                    notDrawn)
                : "");
    return new Section("norms", "Gradient norms, honest and faulty workers", note, figures);
  }

  private Section correction() {
    List<String> shown =
        panelRuns(RunRow::simulatedCorrection, Comparator.comparing(RunRow::runId));
    List<Row> timeline =
        Query.CORRECTION_TIMELINE
            .run(spark)
            .where(col("run_id").isin(shown.toArray()))
            .collectAsList();
    List<Figure> figures = new ArrayList<>();
    for (String run : shown) {
      Map<String, List<double[]>> byPhase = new LinkedHashMap<>();
      for (Row r : timeline) {
        if (r.getAs("run_id").equals(run)) {
          byPhase
              .computeIfAbsent(r.getAs("phase"), p -> new ArrayList<>())
              .add(new double[] {step(r), r.<Integer>getAs("k")});
        }
      }
      Map<String, double[][]> points = new LinkedHashMap<>();
      byPhase.forEach((phase, p) -> points.put(phase, p.toArray(new double[0][])));
      int workers =
          runs.stream().filter(r -> r.runId().equals(run)).findFirst().orElseThrow().workers();
      figures.add(
          Figure.render(
              "chart-phases-" + htmlId(run),
              "k and phase: " + labels.get(run),
              Charts.phases(panelTitle(run), points, workers),
              PANEL_WIDTH,
              PANEL_HEIGHT));
    }
    var error =
        Charts.runLines(
            "Correction true error",
            "‖corrected − honest‖ / ‖honest‖",
            lines(Query.CORRECTION_ERROR.run(spark).collectAsList(), "mean_error"),
            labels,
            colours,
            Charts.Scale.FROM_ZERO,
            false);
    figures.add(
        Figure.render("chart-correction-error", "Correction true error", error, WIDTH, HEIGHT));
    long correcting = runs.stream().filter(RunRow::simulatedCorrection).count();
    String note =
        "k (the gradients aggregated) at every step, coloured by phase: a replica step leaves the"
            + " faulty workers out, a corrected step aggregates their corrected gradients. "
            + panelNote(shown.size(), (int) correcting, "runs with correction", "named runs first")
            + " Below, the true error of the corrections (SPEC §7), the mean over the corrected"
            + " workers per step (per bucket of steps beyond 200 steps).";
    return new Section("correction", "Gradient correction", note, figures);
  }

  /**
   * The runs given a panel: among those that {@code qualify}, named runs first, then by {@code
   * preference}, then by id; at most {@link #MAX_PANELS}.
   */
  private List<String> panelRuns(Predicate<RunRow> qualify, Comparator<RunRow> preference) {
    return runs.stream()
        .filter(qualify)
        .sorted(
            Comparator.comparing((RunRow r) -> !colours.isColoured(r.runId()))
                .thenComparing(preference)
                .thenComparing(RunRow::runId))
        .limit(MAX_PANELS)
        .map(RunRow::runId)
        .toList();
  }

  /** Each run's (step, {@code column}) points, in the rows' order. */
  private static Map<String, double[][]> lines(List<Row> rows, String column) {
    Map<String, List<double[]>> points = new LinkedHashMap<>();
    for (Row r : rows) {
      points
          .computeIfAbsent(r.getAs("run_id"), id -> new ArrayList<>())
          .add(new double[] {step(r), num(r, column)});
    }
    Map<String, double[][]> lines = new LinkedHashMap<>();
    points.forEach((id, p) -> lines.put(id, p.toArray(new double[0][])));
    return lines;
  }

  private String legendNote() {
    return colours.others() == 0
        ? "Each run keeps its colour in every chart (see the table of runs)."
        : String.format(
            Locale.ROOT,
            "With %d runs, the %d best and the %d worst by final metric are named and coloured;"
                + " the %d others are drawn grey (choose runs with --runs).",
            runs.size(),
            RunColors.MAX_COLOURED / 2,
            RunColors.MAX_COLOURED / 2,
            colours.others());
  }

  private static String panelNote(int shown, int of, String what, String order) {
    if (shown == of) {
      return "";
    }
    return String.format(
        Locale.ROOT,
        "Shown for %d of the %d %s (%s; choose runs with --runs).",
        shown,
        of,
        what,
        order);
  }

  private String panelTitle(String run) {
    String label = labels.get(run);
    return label.equals(run) ? run : label + " (" + run + ")";
  }

  private static double step(Row r) {
    return r.<Integer>getAs("step");
  }

  private static double num(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? Double.NaN : ((Number) v).doubleValue();
  }

  /** {@code s} with anything but letters, digits, '-' and '_' replaced, for an HTML id. */
  static String htmlId(String s) {
    return s.replaceAll("[^A-Za-z0-9_-]", "_");
  }
}
