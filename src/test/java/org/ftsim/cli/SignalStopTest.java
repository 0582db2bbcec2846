package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.ftsim.CommandRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training run stopped by SIGTERM (what Ctrl-C's SIGINT and a scheduler's kill also do) in the
 * middle of its steps: status 143, one line on stderr instead of Spark's stack traces, and the rows
 * flushed before the signal on disk.
 */
class SignalStopTest {

  @TempDir Path dir;

  @Test
  void aSignalStopsARunWithOneLine() throws Exception {
    List<String> args =
        List.of(
            "train",
            "-d",
            "synthetic",
            "-w",
            "4",
            "-gb",
            "64",
            "-e",
            "200",
            "--seed",
            "5",
            "--proc",
            "2",
            "--eval-every",
            "10",
            "-tb",
            dir.resolve("runs").toString(),
            "--run-id",
            "signalled");
    ProcessBuilder builder = new ProcessBuilder(CommandRuns.childJvm("2g", Main.class, args));
    builder.environment().put("OMP_NUM_THREADS", "1");
    builder.redirectError(dir.resolve("stderr.txt").toFile());
    Process child = builder.start();
    StringBuilder console = new StringBuilder();
    // Signalled once the run is in its third epoch and has flushed rows: in the middle of a step.
    AtomicBoolean third = new AtomicBoolean();
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () -> {
              try (BufferedReader reader =
                  new BufferedReader(
                      new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                  synchronized (console) {
                    console.append(l).append('\n');
                  }
                  if (l.startsWith("EP: 3/200")) {
                    third.set(true);
                  }
                }
              } catch (IOException e) {
                // the stream closes with the child
              }
            });
    Path steps = dir.resolve("runs").resolve("steps");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
    while (!(third.get() && parquetFiles(steps) > 0) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    boolean signalled = third.get() && parquetFiles(steps) > 0;
    child.destroy(); // SIGTERM
    assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ended");
    reading.get(60, TimeUnit.SECONDS);
    String out;
    synchronized (console) {
      out = console.toString();
    }
    assertTrue(signalled, "the run reached epoch 3 and flushed rows:\n" + out);
    assertEquals(143, child.exitValue(), "128 + SIGTERM");
    List<String> err = Files.readAllLines(dir.resolve("stderr.txt"));
    assertEquals(
        List.of(
            "ftsim: stopped by a signal; the rows written before it are kept"
                + " (--resume RUN_ID, or the same sweep, goes on from the last checkpoint)"),
        err,
        "one line on stderr");
    assertTrue(!out.contains("Exception"), out);
    assertTrue(parquetFiles(steps) > 0, "the flushes before the signal stay on disk");
  }

  static long parquetFiles(Path table) throws IOException {
    if (!Files.isDirectory(table)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(table)) {
      // Committed files only: a write in progress lives under _temporary until its commit.
      return files
          .filter(p -> p.toString().endsWith(".parquet") && !p.toString().contains("_temporary"))
          .count();
    }
  }
}
