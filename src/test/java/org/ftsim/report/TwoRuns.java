package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.ftsim.SparkTestSession;
import org.ftsim.cli.Main;

/**
 * Two short real simulations in one results directory, trained once per test JVM: {@code corr} (6
 * workers, 0 and 1 faulty with scale:10, corrected every 4 steps) and {@code drop} (the same
 * workers, the drop defense, watched by the zscore detector); synthetic data, global batch 192, one
 * epoch of 11 steps each.
 */
final class TwoRuns {

  /** Steps per run: 2048 samples in global batches of 192, the last one of 128. */
  static final int STEPS = 11;

  private static Path dir;

  private TwoRuns() {}

  /** The results directory, trained on first use. */
  static synchronized Path dir() {
    if (dir == null) {
      SparkTestSession.get();
      try {
        Path root = Files.createTempDirectory("ftsim-report");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(root)));
        Path runs = root.resolve("runs");
        train(runs, "corr", "--correct", "--correct-every", "4");
        train(runs, "drop", "--detect", "zscore");
        dir = runs;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return dir;
  }

  private static void train(Path runs, String id, String... extra) {
    String[] common = {
      "train",
      "-d",
      "synthetic",
      "-w",
      "6",
      "-f",
      "0",
      "1",
      "-gb",
      "192",
      "-e",
      "1",
      "--log-every",
      "100",
      "--run-id",
      id,
      "-tb",
      runs.toString()
    };
    String[] args = Stream.concat(Stream.of(common), Stream.of(extra)).toArray(String[]::new);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
  }

  private static void delete(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary folder left behind is harmless
    }
  }
}
