package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.cli.Main;
import org.ftsim.correction.ReplicaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ftsim report --study}: the real {@code ftsim correction-study} on a small generated pairs
 * table, then the report of it, alone and beside two runs; and bad study directories.
 */
class StudyReportTest {

  private static final SparkSession SPARK = SparkTestSession.get();

  private static final Pattern FIGURE =
      Pattern.compile(
          "<figure id=\"([^\"]+)\"><img src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\""
              + " width=\"(\\d+)\" height=\"(\\d+)\" alt=\"([^\"]*)\"></figure>");

  @TempDir static Path dir;

  private static Path study;
  private static String pairs;

  /**
   * Workers 1 and 2 report 10 × their true gradient plus a little seeded noise in three replica
   * steps of 400 coordinates; the study fits linear and mlp at three coverages.
   */
  @BeforeAll
  static void runTheStudy() {
    Random random = new Random(7);
    List<ReplicaData.Record> records = new ArrayList<>();
    for (int worker = 1; worker <= 2; worker++) {
      for (int step = 1; step <= 3; step++) {
        float[] g = new float[400];
        float[] x = new float[400];
        for (int j = 0; j < g.length; j++) {
          g[j] = (float) Math.sin(j * 0.37 + step + worker);
          x[j] = (float) (10 * g[j] + 0.1 * random.nextGaussian());
        }
        records.add(new ReplicaData.Record(worker, step, x, g));
      }
    }
    pairs = dir.resolve("pairs").toString();
    ReplicaData.write(SPARK, pairs, records);
    study = dir.resolve("study");
    CommandRuns.ftsim(
        List.of(
            "correction-study",
            pairs,
            "--coverage",
            "0.2,0.6,1",
            "--models",
            "linear,mlp",
            "--out",
            study.toString()));
  }

  @Test
  void aStudyAloneIsAPageOfItsTwoCharts() throws IOException {
    CommandRuns.Outcome r = CommandRuns.run(List.of("report", "--study", study.toString()));
    Path page = study.resolve("report.html");
    assertEquals(0, r.status(), r.err());
    assertEquals("report: " + page + " (correction study, 2 charts)", r.out().strip());
    String html = Files.readString(page);
    assertEquals(List.of("chart-study-mape", "chart-study-fit-time"), figures(html));
    assertFalse(html.contains("<section id=\"runs\">"), "no runs table without -tb");
    assertTrue(html.contains("<section id=\"correction-study\">"), html);
    assertTrue(html.contains("correction study " + study + " · made "), "named under the heading");
    assertTrue(html.contains("(ftsim correction-study over " + pairs + ")"), "names its pairs");
    assertTrue(html.contains("mean over the 2 workers"), html);
  }

  @Test
  void aStudyBesideRunsFollowsTheirCharts() throws IOException {
    Path page = dir.resolve("both.html");
    CommandRuns.Outcome r =
        CommandRuns.run(
            List.of(
                "report",
                "-tb",
                TwoRuns.dir().toString(),
                "--study",
                study.toString(),
                "--out",
                page.toString()));
    assertEquals(0, r.status(), r.err());
    assertEquals("report: " + page + " (2 runs, correction study, 8 charts)", r.out().strip());
    String html = Files.readString(page);
    assertEquals(
        List.of(
            "chart-metric-accuracy",
            "chart-train-loss",
            "chart-norms-corr",
            "chart-norms-drop",
            "chart-phases-corr",
            "chart-correction-error",
            "chart-study-mape",
            "chart-study-fit-time"),
        figures(html));
    assertTrue(html.contains("<td>corr</td>"), "the runs table is there");
  }

  /** The figure ids of {@code html}, each checked to be a PNG of its stated size. */
  private static List<String> figures(String html) throws IOException {
    List<String> ids = new ArrayList<>();
    Matcher m = FIGURE.matcher(html);
    while (m.find()) {
      ids.add(m.group(1));
      BufferedImage png =
          ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(m.group(2))));
      assertEquals(Integer.parseInt(m.group(3)), png.getWidth(), m.group(1));
      assertEquals(Integer.parseInt(m.group(4)), png.getHeight(), m.group(1));
    }
    assertEquals(ids.size(), html.split("<img ", -1).length - 1, "every image is a PNG data URI");
    return ids;
  }

  @Test
  void aPointIsTheMeanOverWorkersByModelAndCoverage() {
    List<Row> rows =
        List.of(
            RowFactory.create(1, "mlp", 0.5, 1e-3, 2.0, "p"),
            RowFactory.create(2, "mlp", 0.5, 3e-3, 4.0, "p"),
            RowFactory.create(1, "mlp", 0.1, 5e-3, 1.0, "p"),
            RowFactory.create(1, "linear", 0.1, 1e-9, 0.5, "p"),
            RowFactory.create(2, "linear", 0.1, Double.NaN, 0.25, "p"));
    Map<String, double[][]> mape = StudySection.means(rows, 3);
    assertEquals(List.of("mlp", "linear"), List.copyOf(mape.keySet()), "first appearance order");
    assertArrayEquals(new double[] {0.1, 5e-3}, mape.get("mlp")[0], 1e-15);
    assertArrayEquals(new double[] {0.5, 2e-3}, mape.get("mlp")[1], 1e-15);
    assertArrayEquals(new double[] {0.1, 1e-9}, mape.get("linear")[0], 1e-15, "NaN left out");
    assertArrayEquals(
        new double[] {0.1, 0.375}, StudySection.means(rows, 4).get("linear")[0], 1e-15);
  }

  /** A bad --study: one line naming the flag and the value, status 2, no page written. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"missing", "a-file", "empty", "results", "no-columns", "runs-alone"})
  void aBadStudyIsAOneLineError(String kind) throws IOException {
    Path bad = dir.resolve("bad-" + kind);
    String reason =
        switch (kind) {
          case "missing" -> "no such directory";
          case "a-file" -> "not a directory";
          case "empty" -> "not a correction study: no correction_study.parquet in it (it is empty)";
          case "results" ->
              "not a correction study: no correction_study.parquet in it (it holds a.txt, runs)";
          case "no-columns" ->
              "not a correction study: correction_study.parquet lacks the columns worker, model,"
                  + " coverage, mape, fit_s, pairs";
          default -> "";
        };
    switch (kind) {
      case "a-file" -> Files.writeString(bad, "x");
      case "empty" -> Files.createDirectories(bad);
      case "results" -> {
        Files.createDirectories(bad.resolve("runs"));
        Files.writeString(bad.resolve("a.txt"), "x");
      }
      case "no-columns" ->
          SPARK
              .range(3)
              .toDF("id")
              .write()
              .parquet(bad.resolve("correction_study.parquet").toString());
      default -> {}
    }
    List<String> args = new ArrayList<>(List.of("report", "--study"));
    args.add(kind.equals("runs-alone") ? study.toString() : bad.toString());
    if (kind.equals("runs-alone")) {
      args.addAll(List.of("--runs", "corr"));
    }
    CommandRuns.Outcome r = CommandRuns.run(args);
    String line =
        kind.equals("runs-alone")
            ? "ftsim: --runs corr: --study alone shows no runs to choose; add -tb DIR"
            : "ftsim: --study " + bad + ": " + reason;
    assertEquals(Main.USAGE, r.status(), r.err());
    assertEquals(line, r.err().strip());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertEquals("", r.out());
    assertFalse(Files.exists(bad.resolve("report.html")), "nothing written");
  }

  @Test
  void aBadStudyBesideGoodRunsWritesNothing() {
    Path page = dir.resolve("never.html");
    Path bad = dir.resolve("absent");
    CommandRuns.Outcome r =
        CommandRuns.run(
            List.of(
                "report",
                "-tb",
                TwoRuns.dir().toString(),
                "--study",
                bad.toString(),
                "--out",
                page.toString()));
    assertEquals(Main.USAGE, r.status(), r.err());
    assertEquals("ftsim: --study " + bad + ": no such directory", r.err().strip());
    assertFalse(Files.exists(page), "nothing written");
  }
}
