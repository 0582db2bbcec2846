package org.ftsim.checkpoint;

import static org.apache.spark.sql.functions.col;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.ftsim.CommandRuns;
import org.ftsim.SparkTestSession;
import org.ftsim.aggregation.CarriedState;
import org.ftsim.cli.Main;
import org.ftsim.correction.Fit;
import org.ftsim.correction.ModelState;
import org.ftsim.fault.FaultState;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A driver killed after step k and resumed with {@code --resume} ends exactly as the uninterrupted
 * run: the same final parameters, optimizer, defense and correction state (bit for bit, from the
 * final checkpoints both write), the same steps, evals, workers and corrections rows but for the
 * timing columns, none of them twice, and one finished runs row.
 *
 * <p>In-JVM kills throw from the console at the step's line, so the failing run flushes the rows of
 * the steps after its checkpoint and writes a {@code failed} runs row, which the resumed run must
 * neither duplicate nor keep; a real SIGKILL of a child JVM covers the rows an epoch end flushed
 * after the last checkpoint.
 */
class ResumeTest {

  @TempDir static Path dir;

  /**
   * sgd (momentum 0.9), a random fault, cclip after bucketing, watched by the reputation detector
   * (whose suspicions carry over steps): 4 steps an epoch, 8 in all; checkpoints at 3, 6 and 8 (the
   * end).
   */
  static final String[] SGD_CCLIP =
      ("-d synthetic -w 5 -f 1 --fault random:1 -df cclip --pre bucketing:2 --detect reputation"
              + " -gb 512 -e 2 --seed 3 --proc 2 --checkpoint-every 3")
          .split(" ");

  /**
   * adam, a probabilistic gaussian fault, correction with the linear regressor: 8 steps; replica
   * steps 1–2 and 6–7, corrected steps 3–5 and 8; checkpoints at 3, 6 and 8 (the end).
   */
  static final String[] ADAM_CORRECT =
      ("-d synthetic -w 6 -f 0 2 --fault gaussian:0.05 --fault-prob 0.7"
              + " --correct --correct-model linear --correct-every 3 --replica-steps 2"
              + " --optimizer adam -gb 256 -e 1 --proc 2 --checkpoint-every 3")
          .split(" ");

  /** The uninterrupted runs, {@code sgd} and {@code adam}. */
  @BeforeAll
  static void uninterrupted() {
    String sgd = train(args(SGD_CCLIP, "sgd"));
    assertTrue(sgd.contains("checkpoint: step 3 -> "), sgd);
    assertTrue(sgd.contains("checkpoint: step 8 -> "), "the final checkpoint: " + sgd);
    train(args(ADAM_CORRECT, "adam"));
  }

  static String tb() {
    return dir.resolve("runs").toString();
  }

  static String[] args(String[] base, String runId) {
    return Stream.concat(Arrays.stream(base), Stream.of("--run-id", runId, "-tb", tb()))
        .toArray(String[]::new);
  }

  static String train(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Runs until the console line starting with {@code line}, and dies there. */
  static void trainKilledAt(String line, String... args) {
    CommandRuns.killedAt(line, args);
  }

  @Test
  void sgdWithCenteredClippingResumesAcrossAnEpochBoundary() {
    // Checkpoint at step 3, epoch 1 ends at 4, killed at 5.
    trainKilledAt("EP: 2/2, sub-batch: 1/4,", args(SGD_CCLIP, "cut"));
    assertEquals(List.of("failed"), column("runs", "cut", "status"));
    assertEquals(3, lastCheckpoint("cut").step());
    assertEquals(5, maxStep("steps", "cut"), "the failing run flushed steps 4–5");

    String resumed = train("--resume", "cut", "-tb", tb());
    assertTrue(resumed.contains("resuming cut from step 3"), resumed);
    assertTrue(resumed.contains("EP: 1/2, sub-batch: 4/4"), resumed);
    assertTrue(resumed.contains("Epoch: 1 done, avg loss: "), "the epoch's loss resumed too");
    assertTrue(resumed.contains("EP: 2/2, sub-batch: 4/4"), resumed);
    assertFalse(resumed.contains("EP: 1/2, sub-batch: 3/4"), "step 3 is not taken again");
    assertSameRun("sgd", "cut");
    assertUsageError("--resume cut: the run finished", "--resume", "cut", "-tb", tb());
  }

  @Test
  void adamWithCorrectionResumesInsideACorrectionAndAReplicaPhase() {
    // Checkpoint at step 3 (corrected phase: the models fitted after step 2), killed at 5.
    trainKilledAt("EP: 1/1, sub-batch: 5/8,", args(ADAM_CORRECT, "corrected"));
    Checkpoint corrected = lastCheckpoint("corrected");
    assertEquals(3, corrected.step());
    assertEquals(Map.of(0, 2, 2, 2), corrected.correction().fitSteps());
    assertTrue(corrected.correction().pendingFaulty().isEmpty());
    // Checkpoint at step 6, the first of a two-step replica phase: its pairs are pending.
    trainKilledAt("EP: 1/1, sub-batch: 7/8,", args(ADAM_CORRECT, "replica"));
    Checkpoint replica = lastCheckpoint("replica");
    assertEquals(6, replica.step());
    assertEquals(1, replica.correction().pendingFaulty().get(0).size());
    assertEquals(1, replica.correction().pendingTrue().get(2).size());
    assertEquals(6, replica.optimizer().steps(), "Adam's t");

    assertTrue(train("--resume", "corrected", "-tb", tb()).contains("from step 3"));
    assertTrue(train("--resume", "replica", "-tb", tb()).contains("from step 6"));
    assertSameRun("adam", "corrected");
    assertSameRun("adam", "replica");
    Checkpoint end = lastCheckpoint("replica");
    assertEquals(Map.of(0, 7, 2, 7), end.correction().fitSteps());
    assertTrue(end.correction().pendingFaulty().isEmpty());
    assertTrue(end.correction().corrected() > 0);
  }

  /**
   * Issue 13's protocol: plain worker momentum (state the checkpoint carries), weight decay, a
   * milestone at step 4, faulty workers dealt IID shards beside label-sorted honest workers, a
   * validation hold-out, and ALIE reading the honest momentum vectors: 8 steps, checkpoints at 3, 6
   * and 8; killed at 5 and resumed, it ends as the run never killed, momentum vectors included.
   */
  @Test
  void workerMomentumResumesBitIdentical() {
    String[] base =
        ("-d synthetic -w 5 -f 1 3 --fault alie -df median --worker-momentum 0.9"
                + " --worker-momentum-update plain --weight-decay 0.001 --lr-milestones 4"
                + " --partition label-sorted --byzantine-data iid --validation 0.2"
                + " -gb 200 -e 1 --max-steps 8 --seed 5 --proc 2 --checkpoint-every 3 --eval-every 4")
            .split(" ");
    String whole = train(args(base, "momentum"));
    assertTrue(whole.contains("held-out validation accuracy: "), whole);
    trainKilledAt("EP: 1/1, sub-batch: 5/", args(base, "momentum-cut"));
    assertEquals(3, lastCheckpoint("momentum-cut").step());
    assertEquals(3, lastCheckpoint("momentum-cut").workerMomentum().vectors().size());
    assertTrue(train("--resume", "momentum-cut", "-tb", tb()).contains("from step 3"));
    assertSameRun("momentum", "momentum-cut");
    Checkpoint a = lastCheckpoint("momentum");
    Checkpoint b = lastCheckpoint("momentum-cut");
    assertEquals(8, a.workerMomentum().steps());
    assertEquals(3, a.workerMomentum().vectors().size(), "one vector per honest worker");
    for (int i = 0; i < 3; i++) {
      assertArrayEquals(a.workerMomentum().vectors().get(i), b.workerMomentum().vectors().get(i));
    }
    assertEquals(
        List.of("accuracy", "val_accuracy"),
        table("evals", "momentum")
            .select("metric_name")
            .distinct()
            .orderBy("metric_name")
            .collectAsList()
            .stream()
            .map(r -> r.getString(0))
            .toList());
  }

  /**
   * {@code -df detect --correct} (issue 17): the zscore detector's suspects take the place of
   * {@code -f}. Worker 2 scales by 10 and is flagged from step 1; 11 steps an epoch, 14 in all;
   * replica steps 1 and 12, its model fitted at 12, its report corrected from 13; checkpoints at 5,
   * 10 and 14. Killed at step 13 and resumed from 10, the run redoes the replica step and the fit
   * and ends as the run never killed: the detector's suspects, the correction's models and every
   * row (the workers' rule_suspicion included) the same.
   */
  @Test
  void detectedCorrectionResumesAcrossItsReplicaStep() {
    String[] base =
        ("-d synthetic -w 6 -f 2 --fault scale:10 --detect zscore -df detect --correct -gb 192"
                + " --max-steps 14 --seed 4 --proc 2 --checkpoint-every 5")
            .split(" ");
    String whole = train(args(base, "detected"));
    assertTrue(whole.contains("[AGG] Init correction model for worker 2"), whole);
    trainKilledAt("EP: 2/3, sub-batch: 2/11,", args(base, "detected-cut"));
    assertEquals(List.of("failed"), column("runs", "detected-cut", "status"));
    assertEquals(10, lastCheckpoint("detected-cut").step());
    String resumed = train("--resume", "detected-cut", "-tb", tb());
    assertTrue(resumed.contains("resuming detected-cut from step 10"), resumed);
    assertTrue(resumed.contains("[AGG] Init correction model for worker 2"), resumed);
    assertSameRun("detected", "detected-cut");
    assertEquals(Map.of(2, 12), lastCheckpoint("detected-cut").correction().fitSteps());
    // The defense dropped worker 2 while it had no model (rule_suspicion 1), left it out at the
    // replica step 12 (null: its report was on another's sub-batch) and kept it once corrected.
    List<Row> second =
        table("workers", "detected-cut").where(col("worker").equalTo(2)).collectAsList();
    assertEquals(14, second.size());
    for (Row r : second) {
      int step = r.getAs("step");
      Double share = r.getAs("rule_suspicion");
      assertEquals(step == 12 ? null : step >= 13 ? 0.0 : 1.0, share, "step " + step);
    }
  }

  /**
   * Centered clipping on the executors ({@code --aggregate-on executors}): its centre is the run's
   * defense state there too, so it is checkpointed; killed at step 5 and resumed from step 3 (on
   * the executors still), the run ends as the uninterrupted one, bit for bit.
   */
  @Test
  void centeredClippingOnTheExecutorsResumesBitIdentical() {
    String[] base =
        ("-d synthetic -w 5 -f 1 --fault alie -df cclip:tau=0.5 -gb 512 -e 2 --seed 3 --proc 2"
                + " --checkpoint-every 3")
            .split(" ");
    String[] executors =
        Stream.concat(Arrays.stream(base), Stream.of("--aggregate-on", "executors"))
            .toArray(String[]::new);
    train(args(executors, "cclip-whole"));
    trainKilledAt("EP: 2/2, sub-batch: 1/4,", args(executors, "cclip-cut"));
    assertEquals(3, lastCheckpoint("cclip-cut").step());
    assertTrue(train("--resume", "cclip-cut", "-tb", tb()).contains("from step 3"));
    assertSameRun("cclip-whole", "cclip-cut");
  }

  /**
   * {@code mimic-warmup} carries its tracked mean, direction, step count and target across steps:
   * they are in the checkpoint. Warm-up of 6 attacking steps, 8 steps, checkpoints at 3, 6 and 8;
   * killed at step 5 (inside the warm-up) and resumed from 3, the run goes on with the warm-up's
   * statistics and ends as the uninterrupted one, bit for bit (without them it restarts the warm-up
   * from a new random direction and copies other workers).
   */
  @Test
  void mimicWarmupResumesBitIdentical() {
    String[] base =
        ("-d synthetic -w 5 -f 1 --fault mimic-warmup:warmup=6 -df mean -gb 512 -e 2 --seed 3"
                + " --proc 2 --checkpoint-every 3")
            .split(" ");
    train(args(base, "mimic"));
    trainKilledAt("EP: 2/2, sub-batch: 1/4,", args(base, "mimic-cut"));
    Checkpoint cut = lastCheckpoint("mimic-cut");
    assertEquals(3, cut.step());
    assertEquals(Set.of(1), cut.faults().keySet(), "worker 1's fault state");
    long[] counters = cut.faults().get(1).counters();
    assertEquals(3, counters[0], "the last step it attacked at");
    assertEquals(3, counters[1], "3 of its 6 warm-up steps");
    assertTrue(counters[2] != 1 && counters[2] >= 0 && counters[2] < 5, "an honest target");
    assertEquals(2, cut.faults().get(1).vectors().size(), "the tracked mean and direction");
    assertTrue(train("--resume", "mimic-cut", "-tb", tb()).contains("from step 3"));
    assertSameRun("mimic", "mimic-cut");
  }

  @Test
  void aDriverKilledBySigkillResumes() throws Exception {
    // Stopped at step 6's line (before its checkpoint) and killed once epoch 1's rows (to step 4)
    // are on disk: the last checkpoint is step 3's.
    Process child = launch("EP: 2/2, sub-batch: 2/4,", "killed", 2, args(SGD_CCLIP, "killed"));
    assertEquals(137, child.exitValue(), "128 + SIGKILL");
    assertFalse(
        Files.exists(dir.resolve("runs").resolve("runs").resolve("run_id=killed")),
        "a killed run writes no runs row");
    assertEquals(3, lastCheckpoint("killed").step());
    assertEquals(4, maxStep("steps", "killed"), "the epoch end flushed step 4");
    String resumed = train("--resume", "killed", "-tb", tb(), "--proc", "1");
    assertTrue(resumed.contains("resuming killed from step 3"), resumed);
    assertSameRun("sgd", "killed");
  }

  @Test
  void resumeRefusesWhatItCannotDo() {
    assertUsageError(
        "--resume nope: no checkpoint in " + dir.resolve("new") + "/checkpoints/nope",
        "--resume",
        "nope",
        "-tb",
        dir.resolve("new").toString());
    assertFalse(Files.exists(dir.resolve("new")), "nothing written");
    assertUsageError(
        "--resume sgd: --lr cannot be given with it",
        "--resume",
        "sgd",
        "-tb",
        tb(),
        "--lr",
        "0.1");
    assertUsageError(
        "--checkpoint-every -3: must be 0 (no checkpoints) or positive",
        "-d",
        "synthetic",
        "--checkpoint-every",
        "-3",
        "-tb",
        tb());
    assertUsageError("--resume sgd: the run finished", "--resume", "sgd", "-tb", tb());
    assertUsageError(
        "--run-id sgd: run sgd has checkpoints in ",
        "-d",
        "synthetic",
        "--run-id",
        "sgd",
        "-tb",
        tb());
  }

  static void assertUsageError(String expected, String... args) {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(OutputStream.nullOutputStream()),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    String line = err.toString(StandardCharsets.UTF_8);
    assertEquals(Main.USAGE, status, line);
    assertTrue(line.startsWith("ftsim: " + expected), line);
    assertEquals(1, line.strip().lines().count(), line);
  }

  /** Both runs' final state and every table's rows (run id and timings aside) are the same. */
  static void assertSameRun(String reference, String resumed) {
    Checkpoint a = lastCheckpoint(reference);
    Checkpoint b = lastCheckpoint(resumed);
    assertEquals(a.step(), b.step());
    assertArrayEquals(a.params(), b.params(), "final parameters");
    assertEquals(a.optimizer().steps(), b.optimizer().steps());
    assertEquals(a.optimizer().vectors().size(), b.optimizer().vectors().size());
    for (int i = 0; i < a.optimizer().vectors().size(); i++) {
      assertArrayEquals(a.optimizer().vectors().get(i), b.optimizer().vectors().get(i));
    }
    assertCarriedEquals(a.defense().rule(), b.defense().rule());
    assertEquals(a.defense().pre().size(), b.defense().pre().size());
    for (int i = 0; i < a.defense().pre().size(); i++) {
      assertCarriedEquals(a.defense().pre().get(i), b.defense().pre().get(i));
    }
    assertEquals(a.progress().lastMetric(), b.progress().lastMetric());
    assertEquals(a.faults().keySet(), b.faults().keySet());
    for (Map.Entry<Integer, FaultState> e : a.faults().entrySet()) {
      FaultState x = e.getValue();
      FaultState y = b.faults().get(e.getKey());
      assertArrayEquals(x.counters(), y.counters(), "fault state of worker " + e.getKey());
      assertEquals(x.vectors().size(), y.vectors().size());
      for (int i = 0; i < x.vectors().size(); i++) {
        assertArrayEquals(x.vectors().get(i), y.vectors().get(i));
      }
    }
    assertEquals(a.detection() == null, b.detection() == null);
    if (a.detection() != null) {
      assertArrayEquals(a.detection().detector(), b.detection().detector(), "suspicions");
      assertEquals(a.detection().score().trueFlags(), b.detection().score().trueFlags());
      assertEquals(a.detection().score().falseFlags(), b.detection().score().falseFlags());
      assertEquals(a.detection().score().steps(), b.detection().score().steps());
      assertArrayEquals(a.detection().score().firstCaught(), b.detection().score().firstCaught());
    }
    if (a.correction() != null) {
      assertEquals(a.correction().fitSteps(), b.correction().fitSteps());
      assertEquals(a.correction().corrected(), b.correction().corrected());
      assertEquals(a.correction().trueErrorSum(), b.correction().trueErrorSum());
      for (Map.Entry<Integer, Fit> e : a.correction().fits().entrySet()) {
        Fit x = e.getValue();
        Fit y = b.correction().fits().get(e.getKey());
        assertEquals(ModelState.of(x.model()).intercept(), ModelState.of(y.model()).intercept());
        assertEquals(ModelState.of(x.model()).slope(), ModelState.of(y.model()).slope());
        assertEquals(x.mse(), y.mse());
        assertEquals(x.mape(), y.mape());
      }
    }

    Map<String, String[]> keys =
        Map.of(
            "steps", new String[] {"step"},
            "evals", new String[] {"step", "metric_name"},
            "workers", new String[] {"step", "worker"},
            "corrections", new String[] {"step", "worker"},
            "detections", new String[] {"detector"},
            "shards", new String[] {"worker", "label"});
    for (Map.Entry<String, String[]> e : keys.entrySet()) {
      String table = e.getKey();
      if (!Files.exists(dir.resolve("runs").resolve(table))) {
        continue;
      }
      String[] key = e.getValue();
      Map<String, List<Row>> byRun = rows(table, List.of(reference, resumed), key);
      List<Row> expected = byRun.get(reference);
      List<Row> actual = byRun.get(resumed);
      assertFalse(
          expected.isEmpty() && !table.equals("corrections") && !table.equals("detections"),
          table + " has rows");
      assertEquals(expected.size(), actual.size(), table + " rows");
      for (int i = 0; i < expected.size(); i++) {
        assertEquals(expected.get(i), actual.get(i), table + " row " + i);
      }
      Set<List<Object>> distinct = new HashSet<>();
      for (Row r : actual) {
        List<Object> k = new ArrayList<>();
        for (String column : key) {
          k.add(r.getAs(column));
        }
        distinct.add(k);
      }
      assertEquals(actual.size(), distinct.size(), "no " + table + " row twice");
    }
    List<Row> runs = table("runs", resumed).collectAsList();
    assertEquals(1, runs.size(), "one runs row");
    assertEquals("finished", runs.get(0).getAs("status"));
    Row whole = table("runs", reference).first();
    assertEquals(whole.<Double>getAs("final_metric"), runs.get(0).<Double>getAs("final_metric"));
    assertEquals(
        withoutProc(
            whole
                .<String>getAs("config_json")
                .replace("\"runId\":\"" + reference + "\"", "\"runId\":\"" + resumed + "\"")),
        withoutProc(runs.get(0).<String>getAs("config_json")),
        "the resumed run's configuration is the original's (--proc may differ)");
  }

  static String withoutProc(String json) {
    return json.replaceFirst("\"proc\":\\d+,", "");
  }

  static void assertCarriedEquals(CarriedState a, CarriedState b) {
    assertEquals(a.calls(), b.calls());
    assertArrayEquals(a.vector(), b.vector());
  }

  static Dataset<Row> table(String table, String runId) {
    SparkSession spark = SparkTestSession.get();
    return spark
        .read()
        .parquet(dir.resolve("runs").resolve(table).toString())
        .where(col("run_id").equalTo(runId));
  }

  /** The rows of {@code runId} without the run id and the *_ms timings, ordered by {@code key}. */
  static Map<String, List<Row>> rows(String table, List<String> runIds, String[] key) {
    Dataset<Row> t =
        SparkTestSession.get()
            .read()
            .parquet(dir.resolve("runs").resolve(table).toString())
            .where(col("run_id").isin(runIds.toArray()));
    List<String> keep = new ArrayList<>();
    for (String c : t.columns()) {
      if (!c.equals("run_id") && !c.endsWith("_ms")) {
        keep.add(c);
      }
    }
    Map<String, List<Row>> byRun = new HashMap<>();
    runIds.forEach(id -> byRun.put(id, new ArrayList<>()));
    Dataset<Row> selected = t.select("run_id", keep.toArray(new String[0])).orderBy("run_id", key);
    StructType schema = selected.drop("run_id").schema();
    for (Row r : selected.collectAsList()) {
      Object[] values = new Object[keep.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = r.get(i + 1);
      }
      byRun.get(r.getString(0)).add(new GenericRowWithSchema(values, schema));
    }
    return byRun;
  }

  static List<Object> column(String table, String runId, String column) {
    return table(table, runId).select(column).collectAsList().stream().map(r -> r.get(0)).toList();
  }

  static int maxStep(String table, String runId) {
    return table(table, runId).agg(org.apache.spark.sql.functions.max("step")).first().getInt(0);
  }

  static Checkpoint lastCheckpoint(String runId) {
    return CheckpointStore.of(tb(), runId, new Configuration()).latest().orElseThrow();
  }

  /**
   * Runs ftsim in a child JVM (the flags of submit/java17.args, this JVM's classpath) until the
   * console line starting with {@code line}, waits until run {@code runId}'s workers table holds
   * {@code flushes} files (the last table of a flush but corrections), then kills it with SIGKILL.
   */
  static Process launch(String line, String runId, int flushes, String... args)
      throws IOException, InterruptedException {
    List<String> rest = new ArrayList<>(List.of(line));
    rest.addAll(List.of(args));
    List<String> command = CommandRuns.childJvm("2g", KillableRun.class, rest);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().put("OMP_NUM_THREADS", "1");
    Process child = builder.start();
    StringBuilder console = new StringBuilder();
    CompletableFuture<Boolean> stalled =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                  synchronized (console) {
                    console.append(l).append('\n');
                  }
                  if (l.equals(KillableRun.STALLED)) {
                    return true;
                  }
                }
                return false;
              } catch (IOException e) {
                return false;
              }
            });
    boolean reached;
    try {
      reached = stalled.get(180, TimeUnit.SECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      reached = false;
    }
    Path workers = dir.resolve("runs").resolve("workers").resolve("run_id=" + runId);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (reached && parquetFiles(workers) < flushes && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    child.destroyForcibly();
    assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child died");
    synchronized (console) {
      assertTrue(reached, "the child reached its line:\n" + console);
    }
    assertEquals(flushes, parquetFiles(workers), "flushes on disk when killed");
    return child;
  }

  static long parquetFiles(Path partition) throws IOException {
    if (!Files.isDirectory(partition)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(partition)) {
      return files.filter(p -> p.getFileName().toString().endsWith(".parquet")).count();
    }
  }
}
