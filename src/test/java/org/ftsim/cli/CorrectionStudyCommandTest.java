package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.correction.ReplicaData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ftsim correction-study} on small pairs tables, good and bad. */
class CorrectionStudyCommandTest {

  private static final SparkSession SPARK = SparkTestSession.get();

  @TempDir static Path dir;

  private static String scaled;
  private static String single;

  /** Worker 2 reports 10 × its true gradient in three replica steps; and a one-step table. */
  @BeforeAll
  static void writePairs() {
    List<ReplicaData.Record> records = new ArrayList<>();
    for (int step = 1; step <= 3; step++) {
      float[] g = new float[500];
      float[] x = new float[500];
      for (int j = 0; j < g.length; j++) {
        g[j] = (float) Math.sin(j * 0.37 + step);
        x[j] = 10 * g[j];
      }
      records.add(new ReplicaData.Record(2, step, x, g));
    }
    scaled = dir.resolve("pairs-scale").toString();
    ReplicaData.write(SPARK, scaled, records);
    single = dir.resolve("pairs-single").toString();
    ReplicaData.write(SPARK, single, records.subList(0, 1));
  }

  private static CommandRuns.Outcome run(String... args) {
    return CommandRuns.run(List.of(args));
  }

  @Test
  void printsAndWritesTheTable() throws Exception {
    Path out = dir.resolve("study");
    CommandRuns.Outcome r =
        run(
            "correction-study",
            scaled,
            "--coverage",
            "0.2,1",
            "--models",
            "linear,mllib-gbt:iterations=2,depth=3",
            "--out",
            out.toString());
    assertEquals(0, r.status(), r.err());
    // Header, 2 coverages × 2 models, the closing line.
    assertEquals(6, r.out().strip().split("\n").length, r.out());
    List<String> csv = Files.readAllLines(out.resolve(StudyTable.CSV));
    assertEquals(5, csv.size());
    assertTrue(csv.get(0).startsWith("worker,model,coverage,sample_size,fit_s,test_mse,mape,"));
    assertTrue(csv.get(2).startsWith("2,\"mllib-gbt:iterations=2,depth=3,"), csv.get(2));
    List<Row> rows =
        SPARK
            .read()
            .parquet(out.resolve(StudyTable.PARQUET).toString())
            .orderBy("coverage", "model")
            .collectAsList();
    assertEquals(4, rows.size());
    Row line = rows.get(0);
    assertEquals("linear", line.getAs("model"));
    assertEquals(100L, (long) line.getAs("sample_size"));
    assertEquals(2, (int) line.getAs("test_steps"));
    assertEquals(1000L, (long) line.getAs("test_pairs"));
    assertTrue((double) line.getAs("test_mse") < 1e-12, "" + line.getAs("test_mse"));
    assertEquals(scaled, line.getAs("pairs"));
    assertEquals(1L, (long) line.getAs("seed"));
  }

  /** Bad input: one line naming the argument or flag and the value, status 2, nothing written. */
  @Test
  void badInputIsOneLineAndWritesNothing() throws Exception {
    Path notPairs = dir.resolve("not-pairs");
    SPARK.range(3).toDF("id").write().parquet(notPairs.toString());
    Path text = dir.resolve("text.csv");
    Files.writeString(text, "a,b\n1,2\n");
    String[][] cases = {
      {notPairs.toString(), "PAIRS " + notPairs + ": not a pairs table: columns id bigint;"},
      {single, "PAIRS " + single + ": worker 2 has 1 replica step; the study needs 2 or more"},
      {text.toString(), "PAIRS " + text + ": cannot read as Parquet: "},
      {dir.resolve("absent").toString(), "PAIRS " + dir.resolve("absent") + ": cannot read"},
      {scaled, "--coverage 0,1: each coverage must be in (0, 1]; got 0", "--coverage", "0,1"},
      {scaled, "--coverage 1.5: each coverage must be in (0, 1]; got 1.5", "--coverage", "1.5"},
      {scaled, "--coverage 0.001: 0.001 of 500 coordinates", "--coverage", "0.001"},
      {scaled, "--models linear,svm: unknown correction model 'svm'", "--models", "linear,svm"},
      {scaled, "--models mlp:depth=2: unknown parameter 'depth'", "--models", "mlp:depth=2"},
    };
    for (String[] c : cases) {
      Path out = dir.resolve("never");
      List<String> args = new ArrayList<>(List.of("correction-study", c[0]));
      args.addAll(List.of(c).subList(2, c.length));
      args.addAll(List.of("--out", out.toString()));
      CommandRuns.Outcome r = run(args.toArray(String[]::new));
      assertEquals(Main.USAGE, r.status(), r.err());
      assertEquals(1, r.err().strip().split("\n").length, r.err());
      assertTrue(r.err().startsWith("ftsim: " + c[1]), r.err());
      assertFalse(Files.exists(out), c[1]);
    }
    Path taken = Files.createDirectories(dir.resolve("taken"));
    CommandRuns.Outcome r = run("correction-study", scaled, "--out", taken.toString());
    assertEquals(Main.USAGE, r.status());
    assertEquals("ftsim: --out " + taken + ": already exists", r.err().strip());
    assertEquals(Main.USAGE, run("correction-study").status());
  }
}
