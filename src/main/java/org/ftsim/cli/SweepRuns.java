package org.ftsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.checkpoint.CheckpointStore;
import org.ftsim.data.TrainTest;
import org.ftsim.driver.Assembly;
import org.ftsim.driver.RunData;
import org.ftsim.driver.Simulation;
import org.ftsim.results.ResultSink;
import org.ftsim.results.Table;
import org.ftsim.sweep.Progress;

/**
 * Executes the runs of a sweep in one Spark application, K at once on K driver threads, each
 * thread's jobs in its own FAIR scheduler pool: a run whose runs row says {@code finished} or
 * {@code diverged} is skipped, a run with a checkpoint is resumed from it, any other run starts
 * afresh (after deleting the rows an attempt without checkpoints left). Each run is computed as
 * {@code ftsim train} computes it alone: its tasks depend only on its parameters, seed, epoch, step
 * and worker, and the executors' cached networks are told apart by a parameter version unique in
 * the driver.
 */
final class SweepRuns {

  /** Statuses of a run that is over: rerunning it would give the same rows. */
  static final Set<String> DONE = Set.of("finished", "diverged");

  private final SparkSession spark;
  private final String dir;
  private final int parallel;
  private final PrintStream out;
  private final Map<String, TrainTest> datasets = new ConcurrentHashMap<>();

  SweepRuns(SparkSession spark, String dir, int parallel, PrintStream out) {
    this.spark = spark;
    this.dir = dir;
    this.parallel = parallel;
    this.out = out;
  }

  /** Runs {@code runs}; returns the number that failed. */
  int run(List<SweepPlan.Run> runs) {
    Map<String, String> statuses = statuses();
    List<SweepPlan.Run> todo = new ArrayList<>();
    for (SweepPlan.Run run : runs) {
      if (!isDone(statuses.get(run.id()))) {
        todo.add(run);
      }
    }
    int skipped = runs.size() - todo.size();
    out.printf(
        Locale.ROOT,
        "sweep: %d runs, %d done already (skipped), %d to run, %d at once; results: %s%n",
        runs.size(),
        skipped,
        todo.size(),
        parallel,
        dir);
    Progress progress = new Progress(runs.size(), skipped, System.nanoTime());
    AtomicInteger failed = new AtomicInteger();
    AtomicInteger slots = new AtomicInteger();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            parallel,
            r -> {
              Thread t = new Thread(r, "ftsim-sweep-" + slots.getAndIncrement());
              t.setDaemon(true);
              return t;
            });
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (SweepPlan.Run run : todo) {
        futures.add(
            threads.submit(
                () -> {
                  String outcome = execute(run, failed);
                  out.println(progress.completed(outcome, System.nanoTime()));
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      threads.shutdownNow();
    }
    return failed.get();
  }

  /** Runs {@code run}; returns what the progress line says of it. */
  private String execute(SweepPlan.Run run, AtomicInteger failed) {
    spark.sparkContext().setLocalProperty("spark.scheduler.pool", Thread.currentThread().getName());
    String name = run.id() + (run.label().isEmpty() ? "" : " (" + run.label() + ")");
    PrintStream console = parallel == 1 ? out : LinePrefix.of(out, "[" + run.id() + "] ");
    try {
      Checkpoint checkpoint = checkpoint(run).map(c -> c.withConfig(run.config())).orElse(null);
      if (checkpoint == null) {
        deleteLeftovers(run.id());
      }
      TrainTest data =
          RunData.prepare(
              run.config(),
              datasets.computeIfAbsent(dataKey(run), k -> TrainRun.loadRaw(run.config())));
      var parts = Assembly.assemble(run.config(), data.train());
      Simulation.Summary s =
          TrainRun.simulate(
              run.config(), data, parts, checkpoint, run.tensorboard(), spark, console);
      return String.format(
          Locale.ROOT,
          "%s %s%s",
          name,
          s.status(),
          Double.isNaN(s.finalMetric())
              ? ""
              : String.format(Locale.ROOT, " (%s %.4f)", s.metricName(), s.finalMetric()));
    } catch (RuntimeException | Error e) {
      failed.incrementAndGet();
      String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
      return name + " failed: " + e.getClass().getSimpleName() + ": " + message;
    } finally {
      console.flush();
    }
  }

  private static boolean isDone(String status) {
    return status != null && DONE.contains(status);
  }

  private static String dataKey(SweepPlan.Run run) {
    return run.config().data().dataset() + "\n" + run.config().run().dataDir();
  }

  private Optional<Checkpoint> checkpoint(SweepPlan.Run run) {
    CheckpointStore store = CheckpointStore.of(dir, run.id(), hadoop());
    return store.finished() ? Optional.empty() : store.latest();
  }

  /**
   * Deletes what an attempt at run {@code id} without checkpoints left: its partition of every
   * table and its checkpoint folder. Only this sweep writes a sweep run's folders.
   */
  private void deleteLeftovers(String id) {
    List<Path> paths = new ArrayList<>();
    for (Table table : Table.values()) {
      paths.add(new Path(ResultSink.partition(dir, table.folder(), id)));
    }
    paths.add(new Path(CheckpointStore.of(dir, id, hadoop()).location()));
    for (Path p : paths) {
      try {
        FileSystem fs = p.getFileSystem(hadoop());
        if (fs.exists(p)) {
          fs.delete(p, true);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("deleting " + p + " failed: " + e, e);
      }
    }
  }

  /** Each run's status in the runs table under the results directory (none: no table yet). */
  private Map<String, String> statuses() {
    Map<String, String> statuses = new HashMap<>();
    Path runs = new Path(dir, Table.RUNS.folder());
    try {
      if (!runs.getFileSystem(hadoop()).exists(runs)) {
        return statuses;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + runs + " failed: " + e, e);
    }
    for (Row r : spark.read().parquet(runs.toString()).select("run_id", "status").collectAsList()) {
      String id = r.getString(0);
      if (!isDone(statuses.get(id))) {
        statuses.put(id, r.getString(1));
      }
    }
    return statuses;
  }

  private Configuration hadoop() {
    return spark.sparkContext().hadoopConfiguration();
  }
}
