package org.ftsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftsim.cli.Main;

/** Running the ftsim command from tests: in this JVM, or as a child JVM. */
public final class CommandRuns {

  private CommandRuns() {}

  /** What a command did: its exit status and what it printed on each stream. */
  public record Outcome(int status, String out, String err) {}

  /** Runs {@code ftsim args} in this JVM and returns what it did. */
  public static Outcome run(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Runs {@code ftsim args} in this JVM, asserts it succeeded and returns its console. */
  public static String ftsim(List<String> args) {
    Outcome outcome = run(args);
    assertEquals(0, outcome.status(), outcome.err());
    return outcome.out();
  }

  /** What {@link #killedAt} throws from the console: an in-JVM stand-in for a killed driver. */
  public static final class Killed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Killed(String line) {
      super("killed at: " + line);
    }
  }

  /**
   * Runs {@code ftsim args} in this JVM until it prints a line starting with {@code line}, and
   * kills it there: the console throws {@link Killed}, as a driver dying at that point would stop.
   */
  public static void killedAt(String line, String... args) {
    SparkTestSession.get();
    PrintStream console =
        new PrintStream(
            new OutputStream() {
              private final StringBuilder text = new StringBuilder();

              @Override
              public void write(int b) {
                if (b != '\n') {
                  text.append((char) b);
                } else if (text.toString().startsWith(line)) {
                  throw new Killed(text.toString());
                } else {
                  text.setLength(0);
                }
              }
            },
            true,
            StandardCharsets.UTF_8);
    assertThrows(Killed.class, () -> Main.run(args, console, System.err));
  }

  /**
   * The command line of a child JVM running {@code mainClass} with {@code args}: the flags of
   * submit/java17.args, ParallelGC, a heap of {@code heap} (e.g. "1g") and this JVM's classpath.
   */
  public static List<String> childJvm(String heap, Class<?> mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("@submit/java17.args");
    command.add("-Xmx" + heap);
    command.add("-XX:+UseParallelGC");
    command.add("-XX:GCTimeRatio=9");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return command;
  }
}
