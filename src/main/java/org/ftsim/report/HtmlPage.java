package org.ftsim.report;

import java.awt.Color;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: a table of runs (if it shows runs), then the
 * sections' charts.
 */
final class HtmlPage {

  private static final String STYLE =
      """
      body { font-family: sans-serif; margin: 2em auto; max-width: 1000px; color: #222; }
      h1 { margin-bottom: 0.2em; } .meta { color: #666; margin-top: 0; }
      table { border-collapse: collapse; font-size: 0.85em; width: 100%; }
      th, td { border-bottom: 1px solid #ddd; padding: 0.25em 0.5em; text-align: left; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      .swatch { display: inline-block; width: 0.9em; height: 0.9em; border-radius: 2px; }
      figure { margin: 1em 0; }
      .panels { display: flex; flex-wrap: wrap; gap: 10px; } .panels figure { margin: 0; }
      .note { color: #444; }
      """;

  private HtmlPage() {}

  /**
   * The page: its heading, the table of {@code runs} unless there are none (a page of a correction
   * study alone), then the sections.
   *
   * @param title what the page is of (the results directory, or the study's)
   * @param meta the parts of the line under the heading: sources, counts, when it was made
   */
  static String render(
      String title,
      List<String> meta,
      List<RunRow> runs,
      RunColors colours,
      List<Section> sections) {
    StringBuilder html = new StringBuilder(1 << 16);
    html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<title>ftsim report: ")
        .append(escape(title))
        .append("</title>\n<style>\n")
        .append(STYLE)
        .append("</style>\n</head>\n<body>\n<h1>ftsim report</h1>\n<p class=\"meta\">")
        .append(escape(String.join(" · ", meta)))
        .append("</p>\n");
    if (!runs.isEmpty()) {
      runsTable(html, runs, colours);
    }
    for (Section s : sections) {
      html.append("<section id=\"")
          .append(s.id())
          .append("\">\n<h2>")
          .append(escape(s.title()))
          .append("</h2>\n<p class=\"note\">")
          .append(escape(s.note()))
          .append("</p>\n");
      if (!s.table().isEmpty()) {
        table(html, s.table());
      }
      html.append(s.figures().size() > 1 ? "<div class=\"panels\">\n" : "");
      for (Figure f : s.figures()) {
        html.append("<figure id=\"")
            .append(f.id())
            .append("\"><img src=\"")
            .append(f.dataUri())
            .append("\" width=\"")
            .append(f.width())
            .append("\" height=\"")
            .append(f.height())
            .append("\" alt=\"")
            .append(escape(f.caption()))
            .append("\"></figure>\n");
      }
      html.append(s.figures().size() > 1 ? "</div>\n" : "").append("</section>\n");
    }
    return html.append("</body>\n</html>\n").toString();
  }

  private static void runsTable(StringBuilder html, List<RunRow> runs, RunColors colours) {
    html.append("<section id=\"runs\">\n<h2>Runs</h2>\n<table>\n<thead><tr>")
        .append("<th></th><th>run</th><th>distinguishing settings</th><th>status</th>")
        .append("<th>dataset</th><th>arch</th><th>workers</th><th>faulty</th><th>fault</th>")
        .append("<th>defense</th><th>correct</th><th>steps</th><th>final metric</th>")
        .append("<th>wall s</th></tr></thead>\n<tbody>\n");
    for (RunRow r : runs) {
      Color c = colours.of(r.runId());
      html.append("<tr><td><span class=\"swatch\" style=\"background:")
          .append(String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xFFFFFF))
          .append("\"></span></td>");
      cell(html, r.runId(), false);
      cell(html, r.label().equals(r.runId()) ? "" : r.label(), false);
      cell(html, r.status(), false);
      cell(html, r.dataset(), false);
      cell(html, r.arch(), false);
      cell(html, String.valueOf(r.workers()), true);
      cell(html, String.valueOf(r.faultyWorkers()), true);
      cell(html, r.fault() == null ? "" : r.fault(), false);
      cell(html, r.defense(), false);
      cell(html, r.correct() ? "yes" : "no", false);
      cell(html, r.steps() == null ? "" : String.valueOf(r.steps()), true);
      cell(
          html,
          r.finalMetric() == null
              ? ""
              : String.format(Locale.ROOT, "%s %.4f", r.metricName(), r.finalMetric()),
          true);
      cell(html, String.format(Locale.ROOT, "%.1f", r.wallSeconds()), true);
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n</section>\n");
  }

  /** A section's table: its first row as the header; cells that read as numbers to the right. */
  private static void table(StringBuilder html, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    html.append("<table>\n<thead><tr>");
    rows.get(0).forEach(h -> html.append("<th>").append(escape(h)).append("</th>"));
    html.append("</tr></thead>\n<tbody>\n");
    for (List<String> row : rows.subList(1, rows.size())) {
      html.append("<tr>");
      row.forEach(
          c ->
              cell(
                  html,
                  c,
                  c.matches("[-+0-9.]+( ± [0-9.eE+-]+)?( %)?")
                      || c.matches("[-0-9.,:\\[\\] null]+")));
      html.append("</tr>\n");
    }
    html.append("</tbody>\n</table>\n");
  }

  private static void cell(StringBuilder html, String text, boolean number) {
    html.append(number ? "<td class=\"num\">" : "<td>").append(escape(text)).append("</td>");
  }

  /** {@code s} with the characters HTML gives a meaning escaped. */
  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
