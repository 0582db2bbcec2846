package org.ftsim.cli;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;

/**
 * One line instead of Spark's stack traces when a signal (Ctrl-C, SIGTERM, a scheduler's kill)
 * stops the JVM while a command runs. Its hook runs before Spark's: Hadoop's shutdown-hook manager,
 * through which Spark registers its own, runs higher priorities first, and Spark stops its context
 * at 40. The hook turns logging off and says what happened; the command's exception, thrown as the
 * context stops under it, is then not printed. The rows flushed before the signal stay.
 */
final class SignalStop {

  /** Above Spark's context hook (Hadoop FileSystem's 10 + 30) and its temporary-folder hooks. */
  static final int PRIORITY = 100;

  private static final AtomicBoolean FINISHED = new AtomicBoolean();
  private static volatile boolean stopping;

  private SignalStop() {}

  /** Says, on {@code err}, that a shutdown before {@link #finished} was a signal. */
  static void install(PrintStream err) {
    ShutdownHookManager.get()
        .addShutdownHook(
            () -> {
              if (FINISHED.get()) {
                return;
              }
              stopping = true;
              Configurator.setAllLevels(LogManager.ROOT_LOGGER_NAME, Level.OFF);
              err.println(
                  "ftsim: stopped by a signal; the rows written before it are kept"
                      + " (--resume RUN_ID, or the same sweep, goes on from the last checkpoint)");
              err.flush();
            },
            PRIORITY);
  }

  /** The command returned or threw on its own: a shutdown from now on is no signal. */
  static void finished() {
    FINISHED.set(true);
  }

  /** Whether a signal's shutdown has begun (the command's failure is its consequence). */
  static boolean stopping() {
    return stopping;
  }
}
