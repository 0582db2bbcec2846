package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.ftsim.SparkTestSession;
import org.ftsim.cli.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code ftsim report} through the real command, on two real runs and on bad directories. */
class ReportTest {

  private static final Pattern FIGURE =
      Pattern.compile(
          "<figure id=\"([^\"]+)\"><img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""
              + " width=\"(\\d+)\" height=\"(\\d+)\" alt=\"([^\"]*)\"></figure>");

  @TempDir Path out;

  /** {status, stdout, stderr} of {@code ftsim args}. */
  static String[] ftsim(String... args) {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(stdout, true, StandardCharsets.UTF_8),
            new PrintStream(stderr, true, StandardCharsets.UTF_8));
    return new String[] {
      String.valueOf(status),
      stdout.toString(StandardCharsets.UTF_8),
      stderr.toString(StandardCharsets.UTF_8)
    };
  }

  @Test
  void reportNamesBothRunsAndEmbedsEveryChart() throws IOException {
    Path page = out.resolve("report.html");
    String[] r = ftsim("report", "-tb", TwoRuns.dir().toString(), "--out", page.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("report: " + page + " (2 runs, 6 charts)", r[1].strip());
    String html = Files.readString(page);

    assertTrue(html.contains("<td>corr</td>"), "the runs table names corr");
    assertTrue(html.contains("<td>drop</td>"), "the runs table names drop");
    // Labelled by the settings that differ: the defense, the detector and the correction options.
    assertTrue(
        html.contains(
            "<td>defense=mean, detect=null, correction.enabled=true, correction.every=4</td>"),
        html);
    assertTrue(
        html.contains(
            "<td>defense=drop, detect=zscore, correction.enabled=false, correction.every=10</td>"),
        html);

    // What the defenses themselves said about the workers, against the truth: a table.
    assertTrue(html.contains("<section id=\"rule-scores\">"), html);
    assertTrue(html.contains("<th>AUC of rule_suspicion</th>"), html);

    // The detection summary of drop's watching detector: a table, no chart.
    assertTrue(html.contains("<section id=\"detection\">"), html);
    assertTrue(html.contains("<td>zscore:threshold=3.5</td>"), html);
    assertTrue(html.contains("<th>steps to detection (faulty workers)</th>"), html);

    List<String> ids = new ArrayList<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
      BufferedImage png =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
      assertEquals(Integer.parseInt(m.group(3)), png.getWidth(), m.group(1));
      assertEquals(Integer.parseInt(m.group(4)), png.getHeight(), m.group(1));
    }
    assertEquals(
        List.of(
            "chart-metric-accuracy",
            "chart-train-loss",
            "chart-norms-corr",
            "chart-norms-drop",
            "chart-phases-corr",
            "chart-correction-error"),
        ids);
    assertEquals(ids.size(), html.split("<img ", -1).length - 1, "every image is a PNG data URI");
    assertFalse(html.contains("src=\"http"), "self-contained");
    try (var files = Files.list(out)) {
      assertEquals(List.of(page), files.toList(), "no temporary file left beside the page");
    }
  }

  @Test
  void runsSelectsTheRunsShown() throws IOException {
    Path page = out.resolve("drop.html");
    String[] r =
        ftsim(
            "report", "-tb", TwoRuns.dir().toString(), "--runs", "drop", "--out", page.toString());
    assertEquals("0", r[0], r[2]);
    assertEquals("report: " + page + " (1 run, 3 charts)", r[1].strip());
    String html = Files.readString(page);
    assertTrue(html.contains("<td>drop</td>"));
    assertFalse(html.contains("corr<"), "corr is not shown");
    assertFalse(html.contains("id=\"correction\""), "no correction section without correction");
    assertTrue(html.contains("id=\"chart-norms-drop\""));
  }

  @Test
  void manyRunsNameTheSixBestAndSixWorstAndGreyTheOthers() throws IOException {
    Path dir = out.resolve("many");
    GeneratedResults.write(SparkTestSession.get(), dir.toString(), 14, 100, 4);
    String[] r = ftsim("report", "-tb", dir.toString());
    // corrected: gen-000, -005 and -010, each given a phase panel; six norm panels.
    assertEquals("report: " + dir.resolve("report.html") + " (14 runs, 12 charts)", r[1].strip());
    String html = Files.readString(dir.resolve("report.html"));
    // Accuracy falls with r % 5: the worst six are gen-012 and the runs with r % 5 in {3, 4}.
    for (int run = 0; run < 14; run++) {
      boolean grey = run == 2 || run == 7;
      String row = String.format("#c8c8c8\"></span></td><td>gen-%03d</td>", run);
      assertEquals(grey, html.contains(row), "gen-" + run);
    }
    assertTrue(
        html.contains(
            "With 14 runs, the 6 best and the 6 worst by final metric are named and coloured; the"
                + " 2 others are drawn grey"),
        html);
    assertTrue(
        html.contains(
            "Shown for 6 of the 14 runs (named runs first, those with faulty workers first;"),
        html);
  }

  @Test
  void defaultPageIsBesideTheTablesOfALocalDirectory() {
    assertEquals(Path.of("runs", "report.html"), Report.defaultPage("runs"));
    assertEquals(Path.of("/tmp/x/report.html"), Report.defaultPage("file:///tmp/x"));
    assertEquals(Path.of("report.html"), Report.defaultPage("hdfs://namenode/ftsim/runs"));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing", "empty", "not-results", "not-parquet", "a-file"})
  void aDirectoryWithoutResultsIsAOneLineError(String kind) throws IOException {
    Path dir = out.resolve(kind);
    String reason =
        switch (kind) {
          case "missing" -> "no such directory";
          case "empty" -> "empty directory, no ftsim results in it";
          case "not-results" -> "not ftsim results: no runs table in it (it holds notes.txt)";
          case "not-parquet" -> "not ftsim results: runs holds no run_id=… partition";
          default -> "not a directory";
        };
    switch (kind) {
      case "empty" -> Files.createDirectories(dir);
      case "not-results" -> {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("notes.txt"), "not ftsim output");
      }
      case "not-parquet" -> {
        Files.createDirectories(dir.resolve("runs"));
        Files.writeString(dir.resolve("runs").resolve("part-0.csv"), "run_id,config_json\na,{}\n");
      }
      case "a-file" -> Files.writeString(dir, "x");
      default -> {}
    }
    Path page = out.resolve("page.html");
    String[] r = ftsim("report", "-tb", dir.toString(), "--out", page.toString());
    assertUserError(r, "ftsim: -tb/--tb " + dir + ": " + reason);
    assertFalse(Files.exists(page), "nothing written");
  }

  @Test
  void aMissingDirectoryIsNamedBeforeItsDefaultPage() {
    Path dir = out.resolve("missing");
    assertUserError(
        ftsim("report", "-tb", dir.toString()), "ftsim: -tb/--tb " + dir + ": no such directory");
  }

  @Test
  void anUnknownRunIsAOneLineError() {
    Path page = out.resolve("page.html");
    String dir = TwoRuns.dir().toString();
    String[] r = ftsim("report", "-tb", dir, "--runs", "drop,nope", "--out", page.toString());
    assertUserError(
        r, "ftsim: --runs drop,nope: unknown run id nope; " + dir + " holds corr, drop");
    assertFalse(Files.exists(page), "nothing written");
  }

  @Test
  void anUnwritablePageIsAOneLineError() {
    Path page = out.resolve("no-such-dir").resolve("page.html");
    String[] r = ftsim("report", "-tb", TwoRuns.dir().toString(), "--out", page.toString());
    assertUserError(r, "ftsim: --out " + page + ": no directory " + page.getParent());
  }

  private static void assertUserError(String[] r, String line) {
    assertEquals(String.valueOf(Main.USAGE), r[0], r[2]);
    assertEquals(line, r[2].strip());
    assertEquals(1, r[2].strip().lines().count(), r[2]);
    assertEquals("", r[1]);
  }
}
