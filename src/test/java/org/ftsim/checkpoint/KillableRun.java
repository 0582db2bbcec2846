package org.ftsim.checkpoint;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.ftsim.cli.Main;

/**
 * A driver to be killed at a known point, for {@link ResumeTest}: runs {@code ftsim} with the
 * arguments after the first and, when the console line starting with the first argument is printed,
 * stops there (the training thread blocks in the print, the result writer goes on) and says {@value
 * #STALLED}; the test then kills the JVM with SIGKILL.
 */
public final class KillableRun {

  /** Printed once the run is stopped at its line. */
  public static final String STALLED = "KILLABLE-RUN-STALLED";

  private KillableRun() {}

  public static void main(String[] args) {
    String trigger = args[0];
    PrintStream console = System.out;
    PrintStream out = new PrintStream(new Lines(trigger, console), true, StandardCharsets.UTF_8);
    Main.run(Arrays.copyOfRange(args, 1, args.length), out, System.err);
    throw new AssertionError("the run ended without printing '" + trigger + "'");
  }

  /** Forwards lines to the console; blocks for good on the trigger line. */
  private static final class Lines extends OutputStream {
    private final String trigger;
    private final PrintStream console;
    private final StringBuilder line = new StringBuilder();

    Lines(String trigger, PrintStream console) {
      this.trigger = trigger;
      this.console = console;
    }

    @Override
    public void write(int b) {
      if (b != '\n') {
        line.append((char) b);
        return;
      }
      String text = line.toString();
      line.setLength(0);
      console.println(text);
      if (text.startsWith(trigger)) {
        try {
          console.println(STALLED);
          console.flush();
          Thread.sleep(Long.MAX_VALUE);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }
}
