package org.ftsim.checkpoint;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.SimulationConfig;
import org.ftsim.results.ResultSink;

/**
 * What the driver loop calls for checkpoints ({@code --checkpoint-every N}) and resumption: when
 * one is due, and saving one so that every result row up to its step is on disk before it exists.
 *
 * <p>Saving costs the training thread only the copy of the state (taken by the caller): the sink
 * flushes its buffered rows and the checkpoint is written on the sink's writer thread after them,
 * and only if they were written. A checkpoint still being written when the next is due is waited
 * for, which also reports its failure.
 */
public final class Checkpointing {

  private final CheckpointStore store;
  private final long every;
  private final PrintStream out;
  private long lastStep;
  private Future<?> lastWrite;

  private Checkpointing(CheckpointStore store, long every, long resumedStep, PrintStream out) {
    this.store = store;
    this.every = every;
    this.lastStep = resumedStep;
    this.out = out;
  }

  /**
   * The checkpointing of run {@code config} on {@code spark}'s file systems, or null when it writes
   * none and resumes none; {@code resumed} is the checkpoint it resumes from, or null. A resumed
   * run with {@code --checkpoint-every 0} writes no more checkpoints but still marks the run
   * finished.
   */
  public static Checkpointing of(
      SimulationConfig config, SparkSession spark, Checkpoint resumed, PrintStream out) {
    int every = config.run().checkpointEvery();
    if (every <= 0 && resumed == null) {
      return null;
    }
    CheckpointStore store =
        CheckpointStore.of(
            config.run().resultsDir(), config.runId(), spark.sparkContext().hadoopConfiguration());
    return new Checkpointing(store, every, resumed == null ? 0 : resumed.step(), out);
  }

  /** Whether a checkpoint is due after {@code step}. */
  public boolean due(long step) {
    return every > 0 && step % every == 0 && step != lastStep;
  }

  /** Whether a checkpoint is due after {@code step}, the last: the final state, unless saved. */
  public boolean dueAtEnd(long step) {
    return every > 0 && step != lastStep;
  }

  /** Flushes {@code sink} and writes {@code checkpoint} once the rows are on disk. */
  public void save(ResultSink sink, Checkpoint checkpoint) {
    waitForLast();
    sink.flush();
    lastWrite = sink.thenRun(() -> store.write(checkpoint));
    lastStep = checkpoint.step();
    out.printf(
        Locale.ROOT, "checkpoint: step %d -> %s%n", checkpoint.step(), store.pathOf(lastStep));
  }

  /** Marks the run finished, once its runs row is on disk. */
  public void finished() {
    store.markFinished();
  }

  private void waitForLast() {
    if (lastWrite == null) {
      return;
    }
    try {
      lastWrite.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing a checkpoint", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "checkpoint in " + store + " failed: " + e.getCause(), e.getCause());
    }
  }
}
