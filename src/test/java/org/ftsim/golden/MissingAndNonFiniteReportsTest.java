package org.ftsim.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A crashed worker (no report) and a NaN report in the same steps: their workers rows are the same
 * bits inline, as Spark jobs and on one partition, with no norm for the crashed worker and a NaN
 * norm for the NaN report. The rows' pass starts while the defense runs (issue 15); the tables must
 * not depend on it.
 */
class MissingAndNonFiniteReportsTest {

  private static final String[] RUN =
      "-d synthetic -w 7 -f 1 2 --fault crash --fault-of 2=nan -df median --max-steps 4 --seed 3"
          .split(" ");

  @TempDir Path dir;

  private String run(String name, String... more) {
    String tb = dir.resolve(name).toString();
    CommandRuns.ftsim(
        Stream.of(Stream.of(RUN), Stream.of("--run-id", "r", "-tb", tb), Stream.of(more))
            .flatMap(s -> s)
            .toList());
    return tb;
  }

  @Test
  void theRowsAreTheSameWhateverRunsTheTasksAndKeepNullAndNaNApart() {
    String inline = run("inline", "--proc", "2");
    String one = run("one", "--proc", "1");
    SparkSession spark = SparkTestSession.get();
    spark.sparkContext().setLocalProperty("spark.ftsim.inlineTasks", "false");
    String jobs;
    try {
      jobs = run("jobs", "--proc", "2");
    } finally {
      spark.sparkContext().setLocalProperty("spark.ftsim.inlineTasks", null);
    }
    String expected = ResultsUnchangedTest.dump(inline, "r");
    assertEquals(expected, ResultsUnchangedTest.dump(one, "r"));
    assertEquals(expected, ResultsUnchangedTest.dump(jobs, "r"));

    List<Row> rows =
        spark
            .read()
            .parquet(Path.of(inline, "workers").toString())
            .where("run_id = 'r'")
            .selectExpr("worker", "grad_norm", "cos_to_honest_mean")
            .collectAsList();
    assertEquals(7 * 4, rows.size());
    for (Row r : rows) {
      int worker = r.getInt(0);
      if (worker == 1) {
        assertTrue(r.isNullAt(1) && r.isNullAt(2), "a crashed worker has no norm: " + r);
      } else if (worker == 2) {
        assertTrue(Double.isNaN(r.getDouble(1)) && Double.isNaN(r.getDouble(2)), "NaN: " + r);
      } else {
        assertTrue(r.getDouble(1) > 0 && Math.abs(r.getDouble(2)) <= 1 + 1e-9, "finite: " + r);
      }
    }
  }
}
