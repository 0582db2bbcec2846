package org.ftsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run loop's epoch-end flush writes only once enough rows are buffered (or time passed). */
class FlushIfDueTest {

  @TempDir Path dir;

  @Test
  void writesOnceFlushRowsAreBuffered() {
    ResultSink sink = new ResultSink(SparkTestSession.get(), dir.toString());
    for (int i = 0; i < ResultSink.FLUSH_ROWS - 1; i++) {
      sink.add(row(i));
    }
    sink.flushIfDue();
    sink.await();
    assertFalse(Files.exists(dir.resolve("workers")), "nothing due yet");
    sink.add(row(ResultSink.FLUSH_ROWS - 1));
    sink.flushIfDue();
    sink.await();
    assertEquals(
        ResultSink.FLUSH_ROWS,
        SparkTestSession.get().read().parquet(dir.resolve("workers").toString()).count());
    // The count starts again after a flush.
    sink.add(row(0));
    sink.flushIfDue();
    sink.close();
    assertEquals(
        ResultSink.FLUSH_ROWS + 1,
        SparkTestSession.get().read().parquet(dir.resolve("workers").toString()).count());
  }

  private static Rows.Result row(int i) {
    return new Rows.WorkerRow(
        "r",
        i / 1024 + 1,
        i % 1024,
        32,
        i % 1024,
        false,
        null,
        true,
        1.0,
        2.0,
        0.5,
        false,
        null,
        null,
        null);
  }
}
