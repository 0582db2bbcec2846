package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./ftsim} launcher's class-data archive: made by the first launch of a build, mapped by
 * every later one (the JVM loads ftsim's classes from it), made again when the jar is newer, and
 * left out with {@code FTSIM_CDS=0}; the run's results are the same with and without it. After
 * {@code package}, since the launcher runs {@code target/ftsim.jar}.
 */
class LauncherIT {

  static final Path PROJECT = Path.of("").toAbsolutePath();
  static final Path ARCHIVE = PROJECT.resolve("target/ftsim.jsa");
  static final Path JAR = PROJECT.resolve("target/ftsim.jar");
  static final String SHARED = "org.ftsim.cli.Main source: shared objects file (top)";

  @TempDir Path dir;

  record Launch(int status, List<String> out, String err) {
    String accuracy() {
      String line =
          out.stream().filter(l -> l.startsWith("final accuracy")).findFirst().orElseThrow();
      return line.substring(0, line.indexOf(','));
    }
  }

  /** Whether the launch's JVM loaded ftsim's main class from the archive. */
  static boolean shared(Launch launch) {
    return launch.out().stream().anyMatch(l -> l.endsWith(SHARED));
  }

  Launch launch(String runId, Map<String, String> env) throws IOException, InterruptedException {
    List<String> command =
        new ArrayList<>(
            List.of(
                PROJECT.resolve("ftsim").toString(),
                "train",
                "-d",
                "synthetic",
                "-w",
                "4",
                "-e",
                "1",
                "--proc",
                "2",
                "-tb",
                dir.resolve("runs").toString(),
                "--run-id",
                runId));
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.environment().remove("FTSIM_CDS");
    builder.environment().put("FTSIM_JAVA_OPTS", "-Xlog:class+load=info");
    builder.environment().putAll(env);
    Path err = dir.resolve(runId + ".err");
    builder.redirectError(err.toFile());
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(5, TimeUnit.MINUTES));
    return new Launch(p.exitValue(), out.lines().toList(), Files.readString(err));
  }

  @Test
  void theFirstLaunchMakesTheArchiveAndEveryLaunchMapsIt() throws Exception {
    Files.deleteIfExists(ARCHIVE);
    Launch first = launch("first", Map.of());
    assertEquals(0, first.status(), first.err());
    assertEquals("ftsim: preparing the class archive (once per build)...\n", first.err());
    assertTrue(Files.size(ARCHIVE) > 10_000_000, "archive of " + Files.size(ARCHIVE) + " bytes");
    assertTrue(shared(first));

    Launch again = launch("again", Map.of());
    assertEquals(0, again.status(), again.err());
    assertEquals("", again.err());
    assertTrue(shared(again));

    Launch without = launch("without", Map.of("FTSIM_CDS", "0"));
    assertEquals(0, without.status(), without.err());
    assertFalse(shared(without));
    assertTrue(
        without.out().stream().anyMatch(l -> l.contains("org.ftsim.cli.Main source: file:")));
    assertEquals(first.accuracy(), again.accuracy());
    assertEquals(first.accuracy(), without.accuracy());

    // A newer jar (a build) makes the archive again; the old one would no longer map.
    Files.setLastModifiedTime(JAR, FileTime.from(Instant.now().plusSeconds(1)));
    Files.setLastModifiedTime(ARCHIVE, FileTime.from(Instant.now().minusSeconds(60)));
    Launch rebuilt = launch("rebuilt", Map.of());
    assertEquals(0, rebuilt.status(), rebuilt.err());
    assertEquals("ftsim: preparing the class archive (once per build)...\n", rebuilt.err());
    assertTrue(shared(rebuilt));
    assertEquals(first.accuracy(), rebuilt.accuracy());
  }

  /**
   * A flight recording runs without the archive: JDK 17's recorder and a dynamic archive crash the
   * JVM together (SIGSEGV at start-up).
   */
  @Test
  void aFlightRecordingRunsWithoutTheArchive() throws Exception {
    Path recording = dir.resolve("run.jfr");
    launch("warm", Map.of()); // makes the archive if this build has none yet
    Launch recorded =
        launch(
            "recorded",
            Map.of(
                "FTSIM_JAVA_OPTS",
                "-Xlog:class+load=info -XX:StartFlightRecording=filename=" + recording));
    assertEquals(0, recorded.status(), recorded.err());
    assertFalse(shared(recorded));
    assertTrue(Files.size(recording) > 0);
  }

  /**
   * The young generation and the initial heap have the launcher's sizes unless the options size the
   * heap; a small -Xmx then gets no warning about a young generation or a start larger than it.
   */
  @Test
  void theYoungGenerationIsFixedUnlessTheOptionsSizeTheHeap() throws Exception {
    long memory =
        ((com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
            .getTotalMemorySize();
    if (memory >= 8L << 30) { // a default heap of at least 2 GB
      assertEquals("402653184", flag("NewSize", "-XX:+PrintFlagsFinal"));
      assertEquals("1073741824", flag("InitialHeapSize", "-XX:+PrintFlagsFinal"));
      assertEquals("402653184", flag("MaxNewSize", "-XX:+PrintFlagsFinal"));
    } else {
      assertTrue(Long.parseLong(flag("MaxNewSize", "-XX:+PrintFlagsFinal")) < 402653184L);
    }
    assertEquals("104857600", flag("NewSize", "-XX:+PrintFlagsFinal -Xmn100m"));
    String small = flag("MaxNewSize", "-XX:+PrintFlagsFinal -Xmx256m");
    assertTrue(Long.parseLong(small) < 256L << 20, small);
    String initial = flag("InitialHeapSize", "-XX:+PrintFlagsFinal -Xmx256m");
    assertTrue(Long.parseLong(initial) <= 256L << 20, initial);
    // The memory the JVM sizes its heap from, given smaller: its quarter, not the launcher's 1 GB.
    String ram = flag("MaxHeapSize", "-XX:+PrintFlagsFinal -XX:MaxRAM=1g");
    assertEquals(256L << 20, Long.parseLong(ram));
    String ramYoung = flag("MaxNewSize", "-XX:+PrintFlagsFinal -XX:MaxRAM=1g");
    assertTrue(Long.parseLong(ramYoung) < 256L << 20, ramYoung);
  }

  /** The value of the JVM flag {@code name} under FTSIM_JAVA_OPTS={@code options}, warning-free. */
  private static String flag(String name, String options) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(PROJECT.resolve("ftsim").toString(), "--help");
    builder.environment().remove("FTSIM_CDS");
    builder.environment().put("FTSIM_JAVA_OPTS", options);
    builder.redirectErrorStream(true);
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), out);
    assertFalse(out.contains("[warning]"), out);
    return out.lines()
        .map(String::trim)
        .filter(l -> l.matches("size_t " + name + " += .*"))
        .map(l -> l.split("\\s+")[3])
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " in " + out));
  }

  /** A refused option is still one line on stderr and status 2, archive or not. */
  @Test
  void badInputIsOneLineWithTheArchive() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(PROJECT.resolve("ftsim").toString(), "train", "-w", "0");
    builder.environment().remove("FTSIM_CDS");
    builder.environment().remove("FTSIM_JAVA_OPTS");
    Process p = builder.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(2, p.waitFor());
    assertEquals("", out);
    List<String> lines = err.lines().filter(l -> !l.startsWith("ftsim: preparing")).toList();
    assertEquals(1, lines.size(), err);
    assertTrue(lines.get(0).equals("ftsim: -w/--worker 0: must be positive"), err);
  }
}
