package org.ftsim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ftsim.cli.Main;

/** Running the ftsim command from tests: in this JVM, or as a child JVM. */
public final class CommandRuns {

  private CommandRuns() {}

  /** Runs {@code ftsim args} in this JVM, asserts it succeeded and returns its console. */
  public static String ftsim(List<String> args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status =
        Main.run(
            args.toArray(new String[0]),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
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
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(args);
    return command;
  }
}
