package org.ftsim.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * ftsim on a real multi-process Spark cluster: a standalone master and worker on loopback, two
 * executor JVMs of one core each, the driver started by {@code submit/standalone.sh} (Spark's
 * SparkSubmit calling {@code Main.main}, as on any cluster). Each run must end with the same steps,
 * evals, workers and corrections rows (timings aside) as the {@code local[2]} run of the same seed
 * in this JVM, also when an executor JVM is killed in the middle of the run.
 */
class ClusterIT {

  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path ROOT = PROJECT.resolve("target/it-cluster");

  /**
   * 16 workers on fashion-mnist, 5 faulty with Gaussian noise, gradient correction (replica phases
   * of 2 steps, 6 corrected steps between), 40 steps, evaluated at steps 20 and 40.
   */
  static final List<String> RUN =
      List.of(
          "train",
          "-d",
          "fashion-mnist",
          "--data-dir",
          PROJECT.resolve("data").toString(),
          "-w",
          "16",
          "-f",
          "0",
          "1",
          "2",
          "3",
          "4",
          "--fault",
          "gaussian:1",
          "--correct",
          "--replica-steps",
          "2",
          "--correct-every",
          "6",
          "--max-steps",
          "40",
          "--eval-every",
          "20",
          "--log-every",
          "1",
          "--seed",
          "11");

  static final String[] TABLES = {"steps", "evals", "workers", "corrections"};

  static LoopbackCluster cluster;

  @BeforeAll
  static void start() throws Exception {
    deleteTree(ROOT);
    Files.createDirectories(ROOT);
    // The reference: local[2] in this JVM.
    List<String> args = new ArrayList<>(RUN);
    args.addAll(List.of("-tb", ROOT.resolve("local").toString(), "--run-id", "ref"));
    SparkTestSession.get();
    CommandRuns.ftsim(args);
    cluster = new LoopbackCluster(PROJECT, ROOT.resolve("cluster"), 2, "6g");
  }

  @AfterAll
  static void stop() throws InterruptedException {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void twoExecutorsWithKryoGiveTheLocalResults() throws Exception {
    Process driver =
        submit(
            "kryo",
            List.of("--conf", "spark.serializer=org.apache.spark.serializer.KryoSerializer"));
    assertFinished(driver, "kryo");
    assertEquals(List.of("0", "1"), cluster.executorsOfLatestApp(), "none lost, none extra");
    assertSameRows("kryo");
  }

  @Test
  void losingAnExecutorMidRunChangesNothing() throws Exception {
    Process driver = submit("lost", List.of());
    Path console = ROOT.resolve("lost.out");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!read(console).contains("sub-batch: 10/") && driver.isAlive()) {
      assertTrue(System.nanoTime() < deadline, "step 10 not reached:\n" + read(console));
      Thread.sleep(20);
    }
    assertEquals(2, cluster.executors().size(), "two executors at step 10");
    ProcessHandle victim =
        cluster.executorThatRanTasks().orElseThrow(() -> new AssertionError("no busy executor"));
    victim.destroyForcibly();
    assertFinished(driver, "lost");
    String stepsAfterKill = read(console);
    assertTrue(stepsAfterKill.contains("sub-batch: 40/"), stepsAfterKill);
    assertTrue(
        read(ROOT.resolve("lost.err")).contains("Lost executor"),
        "the driver saw the executor go:\n" + read(ROOT.resolve("lost.err")));
    assertTrue(
        cluster.executorsOfLatestApp().size() >= 3,
        "a replacement executor was launched: " + cluster.executorsOfLatestApp());
    assertSameRows("lost");
  }

  /** Starts {@code submit/standalone.sh} against the cluster; console to ROOT/{runId}.out. */
  static Process submit(String runId, List<String> sparkArgs) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("bash");
    command.add(PROJECT.resolve("submit/standalone.sh").toString());
    command.addAll(
        List.of(
            cluster.masterUrl,
            "--conf",
            "spark.driver.host=127.0.0.1",
            "--conf",
            "spark.driver.bindAddress=127.0.0.1",
            "--conf",
            "spark.cores.max=2",
            "--executor-memory",
            "2g",
            "--driver-memory",
            "2g"));
    command.addAll(sparkArgs);
    command.add("--");
    command.addAll(RUN);
    command.addAll(List.of("-tb", ROOT.resolve(runId).toString(), "--run-id", runId));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectOutput(ROOT.resolve(runId + ".out").toFile());
    builder.redirectError(ROOT.resolve(runId + ".err").toFile());
    builder.environment().remove("SPARK_HOME");
    builder.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    builder.environment().put("FTSIM_EXECUTOR_CORES", "1");
    return builder.start();
  }

  static void assertFinished(Process driver, String runId) throws Exception {
    boolean done = driver.waitFor(10, TimeUnit.MINUTES);
    if (!done) {
      driver.descendants().forEach(ProcessHandle::destroyForcibly);
      driver.destroyForcibly();
    }
    String console = read(ROOT.resolve(runId + ".out"));
    String log = read(ROOT.resolve(runId + ".err"));
    assertTrue(
        done && driver.exitValue() == 0,
        "driver of "
            + runId
            + " failed:\n"
            + console
            + "\n"
            + log.substring(Math.max(0, log.length() - 8000))
            + "\n"
            + cluster.executorLogs());
    assertTrue(console.contains("(run_id=" + runId + ")"), console);
  }

  /** Every table of run {@code runId} equals the reference's but for run ids and timings. */
  static void assertSameRows(String runId) {
    for (String table : TABLES) {
      List<Row> expected = rows(ROOT.resolve("local"), table);
      List<Row> actual = rows(ROOT.resolve(runId), table);
      assertFalse(expected.isEmpty(), table);
      assertEquals(expected.size(), actual.size(), table + " rows");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), table + " row " + i);
      }
    }
  }

  /** A table's rows without run_id and the *_ms timings, in a total order. */
  static List<Row> rows(Path tb, String table) {
    SparkSession spark = SparkTestSession.get();
    Dataset<Row> t = spark.read().parquet(tb.resolve(table).toString());
    List<String> keep = new ArrayList<>();
    for (String c : t.columns()) {
      if (!c.equals("run_id") && !c.endsWith("_ms")) {
        keep.add(c);
      }
    }
    Column[] columns = keep.stream().map(functions::col).toArray(Column[]::new);
    return t.select(columns).orderBy(columns).collectAsList();
  }

  static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  static void deleteTree(Path root) throws IOException {
    if (Files.exists(root)) {
      try (var paths = Files.walk(root)) {
        for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
  }
}
