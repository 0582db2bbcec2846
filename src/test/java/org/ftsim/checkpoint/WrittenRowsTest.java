package org.ftsim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a resumed run clears before it writes: its own uncommitted files, nobody else's. */
class WrittenRowsTest {

  @TempDir Path tb;

  @Test
  void deletesOnlyTheRunsUncommittedFiles() throws Exception {
    Path mine = tb.resolve("steps/run_id=mine/_temporary/0/task_0001/part-00000.parquet");
    Path minesRuns = tb.resolve("runs/run_id=mine/_temporary/0/task_0001/part-00000.parquet");
    Path committed = tb.resolve("steps/run_id=mine/part-00000-abc.c000.snappy.parquet");
    Path theirs = tb.resolve("steps/run_id=theirs/_temporary/0/task_0002/part-00000.parquet");
    for (Path p : new Path[] {mine, minesRuns, committed, theirs}) {
      Files.createDirectories(p.getParent());
      Files.write(p, new byte[] {1});
    }
    WrittenRows.deleteUncommitted(SparkTestSession.get(), tb.toString(), "mine");
    assertFalse(Files.exists(tb.resolve("steps/run_id=mine/_temporary")));
    assertFalse(Files.exists(tb.resolve("runs/run_id=mine/_temporary")));
    assertTrue(Files.exists(committed), "committed rows stay");
    assertTrue(Files.exists(theirs), "another run's files stay");
    // nothing to delete is fine
    WrittenRows.deleteUncommitted(SparkTestSession.get(), tb.toString(), "absent");
  }
}
