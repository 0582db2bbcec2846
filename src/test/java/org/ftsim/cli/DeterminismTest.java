package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One seed gives bit-identical losses and metrics whatever the partitioning. */
class DeterminismTest {

  @TempDir Path dir;

  List<Double> column(String table, String runId, String column) {
    SparkSession spark = SparkTestSession.get();
    return spark
        .read()
        .parquet(dir.resolve(table).toString())
        .where("run_id = '" + runId + "'")
        .orderBy("step")
        .select(column)
        .collectAsList()
        .stream()
        .map(r -> r.getDouble(0))
        .toList();
  }

  void train(String runId, String proc, String seed) {
    SparkTestSession.get();
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    int status =
        Main.run(
            new String[] {
              "-d",
              "synthetic",
              "-w",
              "5",
              "-f",
              "1",
              "-df",
              "mean",
              "-gb",
              "160",
              "-e",
              "1",
              "--max-steps",
              "9",
              "--eval-every",
              "3",
              "--seed",
              seed,
              "--proc",
              proc,
              "--run-id",
              runId,
              "-tb",
              dir.toString()
            },
            quiet,
            System.err);
    assertEquals(0, status);
  }

  @Test
  void sameSeedSameBitsWhateverTheProcessCount() {
    train("p1", "1", "5");
    train("p2", "2", "5");
    train("p3", "3", "5");
    train("other", "2", "6");
    List<Double> loss = column("steps", "p1", "train_loss");
    assertEquals(9, loss.size());
    assertEquals(loss, column("steps", "p2", "train_loss"));
    assertEquals(loss, column("steps", "p3", "train_loss"));
    assertEquals(column("evals", "p1", "metric"), column("evals", "p2", "metric"));
    assertEquals(column("evals", "p1", "test_loss"), column("evals", "p3", "test_loss"));
    assertNotEquals(loss, column("steps", "other", "train_loss"));
  }
}
