package org.ftsim.sweep;

import java.util.Locale;

/**
 * The progress of a sweep: runs done out of the total, time elapsed, and the time remaining
 * estimated from the runs this invocation completed (runs skipped as finished take no time): the
 * elapsed time per completed run, times the runs left. With K runs at once the elapsed time per
 * completed run is already about a run's time over K.
 */
public final class Progress {

  private final int total;
  private final long startedNanos;
  private int done;
  private int completedHere;

  /** A sweep of {@code total} runs, {@code alreadyDone} of them skipped as done. */
  public Progress(int total, int alreadyDone, long startedNanos) {
    this.total = total;
    this.done = alreadyDone;
    this.startedNanos = startedNanos;
  }

  /**
   * Records a run completed at {@code nowNanos} and returns the progress line, e.g. {@code sweep
   * 3/12 · elapsed 1m20s · remaining ~4m40s · mnist-3fa2c91b0e4d finished (accuracy 0.9123)}.
   */
  public synchronized String completed(String what, long nowNanos) {
    done++;
    completedHere++;
    double elapsed = (nowNanos - startedNanos) / 1e9;
    int left = total - done;
    String remaining;
    if (left == 0) {
      remaining = "remaining 0s";
    } else {
      remaining = "remaining ~" + duration(elapsed / completedHere * left);
    }
    return String.format(
        Locale.ROOT,
        "sweep %d/%d · elapsed %s · %s · %s",
        done,
        total,
        duration(elapsed),
        remaining,
        what);
  }

  /** Runs done so far, skipped ones included. */
  public synchronized int done() {
    return done;
  }

  /** {@code seconds} as {@code 1h02m}, {@code 4m05s} or {@code 12s}. */
  public static String duration(double seconds) {
    long s = Math.round(seconds);
    if (s >= 3600) {
      return String.format(Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
    if (s >= 60) {
      return String.format(Locale.ROOT, "%dm%02ds", s / 60, s % 60);
    }
    return s + "s";
  }
}
