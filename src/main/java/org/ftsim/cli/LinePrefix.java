package org.ftsim.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A console for one of several runs printing at once: each whole line goes to the shared stream
 * with the run's prefix, in one piece, so that lines of concurrent runs never mix.
 */
final class LinePrefix extends OutputStream {

  private final PrintStream target;
  private final String prefix;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  private LinePrefix(PrintStream target, String prefix) {
    this.target = target;
    this.prefix = prefix;
  }

  /** A stream printing each line to {@code target} after {@code prefix}. */
  static PrintStream of(PrintStream target, String prefix) {
    return new PrintStream(new LinePrefix(target, prefix), true, StandardCharsets.UTF_8);
  }

  @Override
  public void write(int b) {
    if (b == '\n') {
      String text = line.toString(StandardCharsets.UTF_8);
      line.reset();
      target.println(prefix + text);
    } else {
      line.write(b);
    }
  }

  @Override
  public void flush() {
    target.flush();
  }
}
