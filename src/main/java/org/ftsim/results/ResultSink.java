package org.ftsim.results;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Buffers result rows and appends them as Parquet, partitioned by run_id, under the results
 * directory. Flushes run on one writer thread per JVM, so training goes on while rows are written.
 *
 * <p>Each run's rows are appended straight into its own partition folder ({@code TABLE/run_id=ID},
 * the layout {@code partitionBy("run_id")} makes), one file per flush, by {@link ParquetAppend}:
 * through {@code partitionBy} on the table, Hadoop's file committer kept its temporary files in a
 * {@code _temporary} folder under the table and deleted that folder when a job committed, so two
 * processes appending to one table at once (runs of a sweep submitted side by side with one {@code
 * -tb}) deleted each other's uncommitted files. One folder per run never has two writers. Nothing
 * is read back during a run; a resumed run is told which rows are on disk already ({@link
 * #skipWritten}).
 */
public final class ResultSink implements AutoCloseable {

  private static final String RUN_ID = "run_id";

  private static final ExecutorService WRITER =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread t = new Thread(r, "ftsim-parquet-writer");
            t.setDaemon(true);
            return t;
          });

  private final SparkSession spark;
  private final String dir;
  private final Map<Table, List<Row>> buffered = new EnumMap<>(Table.class);
  private final List<Future<?>> pending = new ArrayList<>();
  private BiPredicate<Table, Row> written = (table, row) -> false;
  private final List<Consumer<Rows.Result>> listeners = new ArrayList<>();

  /** A sink writing under {@code dir} (any Hadoop path). */
  public ResultSink(SparkSession spark, String dir) {
    this.spark = spark;
    this.dir = dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir;
  }

  /** Buffers {@code row} until the next {@link #flush}. */
  public void add(Rows.Result row) {
    if (row.table() == Table.RUNS) {
      throw new IllegalArgumentException("the runs row is written by run(), after the others");
    }
    buffered.computeIfAbsent(row.table(), t -> new ArrayList<>()).add(row.row());
    listeners.forEach(listener -> listener.accept(row));
  }

  /**
   * Also hands every row to {@code listener} as it is added, on the caller's thread, the runs row
   * last: another view of the run (TensorBoard events), not a second copy of the tables.
   */
  public void listen(Consumer<Rows.Result> listener) {
    listeners.add(listener);
  }

  /** Hands the buffered rows to the writer; returns at once. */
  public void flush() {
    for (Table table : Table.values()) {
      List<Row> rows = buffered.get(table);
      if (rows != null) {
        submit(table, rows);
      }
    }
  }

  /** Writes the run's {@link Table#RUNS} row (after the rows before it). */
  public void run(Rows.RunRow row) {
    submit(Table.RUNS, new ArrayList<>(List.of(row.row())));
    listeners.forEach(listener -> listener.accept(row));
  }

  /**
   * From now on, drops the rows for which {@code written} (table name, row) holds instead of
   * writing them: a resumed run's rows that are on disk already.
   */
  public void skipWritten(BiPredicate<Table, Row> written) {
    this.written = written;
  }

  /**
   * Runs {@code task} on the writer thread once everything handed to the writer before it is on
   * disk, and not at all when one of those writes failed; returns at once. The task's own failure,
   * or that of a write before it, is reported by the returned future and by {@link #await()}.
   */
  public Future<?> thenRun(Runnable task) {
    List<Future<?>> before = new ArrayList<>(pending);
    Future<?> future =
        WRITER.submit(
            () -> {
              for (Future<?> f : before) {
                // Done already (one writer thread): rethrows a failed write.
                f.get();
              }
              task.run();
              return null;
            });
    pending.add(future);
    return future;
  }

  /** Waits until everything handed to the writer is on disk; rethrows a write failure. */
  public void await() {
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while writing results", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException(
            "writing results under " + dir + " failed: " + e.getCause(), e.getCause());
      }
    }
    pending.clear();
  }

  @Override
  public void close() {
    flush();
    await();
  }

  private void submit(Table table, List<Row> rows) {
    StructType schema = table.schema();
    if (rows.isEmpty()) {
      return;
    }
    List<Row> batch = new ArrayList<>(rows.size());
    for (Row row : rows) {
      if (!written.test(table, row)) {
        batch.add(row);
      }
    }
    rows.clear();
    if (batch.isEmpty()) {
      return;
    }
    int runIdField = schema.fieldIndex(RUN_ID);
    Map<String, List<Row>> byRun = new LinkedHashMap<>();
    for (Row row : batch) {
      byRun.computeIfAbsent(row.getString(runIdField), id -> new ArrayList<>()).add(row);
    }
    for (Map.Entry<String, List<Row>> run : byRun.entrySet()) {
      String path = partition(dir, table.folder(), run.getKey());
      pending.add(
          WRITER.submit(() -> ParquetAppend.write(spark, schema, RUN_ID, run.getValue(), path)));
    }
  }

  /**
   * The folder of run {@code runId}'s rows of {@code table} under {@code resultsDir}. Run ids are
   * letters, digits, '.', '_' and '-', which partition folder names carry unescaped.
   */
  public static String partition(String resultsDir, String table, String runId) {
    String base = resultsDir.endsWith("/") ? resultsDir : resultsDir + "/";
    return base + table + "/" + RUN_ID + "=" + runId;
  }
}
