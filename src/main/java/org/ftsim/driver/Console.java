package org.ftsim.driver;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Set;
import org.ftsim.config.CorrectionConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.CorrectionState;
import org.ftsim.results.Timings;

/**
 * Every console line of a run, in one place: the prototype's lines (SPEC §9) word for word, and
 * ftsim's own summaries.
 */
final class Console {

  private final PrintStream out;

  Console(PrintStream out) {
    this.out = out;
  }

  /** The stream the lines go to. */
  PrintStream out() {
    return out;
  }

  /** The run's opening lines: its setup, its configuration as JSON, the model and the master. */
  void header(
      SimulationConfig c, Components parts, int processes, String json, int params, String master) {
    printf(
        "device: %s, workers: %d, processes: %d, faulty workers: %s, fault: %s, defense: %s",
        c.run().device(),
        c.workers(),
        processes,
        c.faults().faulty(),
        parts.faults(),
        parts.defense());
    out.println("config: " + json);
    printf("model: %s, %d parameters; master: %s", c.training().arch(), params, master);
  }

  /** A non-IID partition's spread of shard sizes and label skew. */
  void partition(String partition, int smallest, int largest, double skew) {
    printf(
        "partition: %s, %d to %d samples per worker, label skew (mean total-variation distance"
            + " to the global label distribution) %.3f",
        partition, smallest, largest, skew);
  }

  /** The prototype's step line. */
  void step(int epoch, int epochs, int stepInEpoch, int stepsPerEpoch, double loss) {
    printf(
        "EP: %d/%d, sub-batch: %d/%d, avg sub-batch loss: %.3f",
        epoch, epochs, stepInEpoch, stepsPerEpoch, loss);
  }

  /** The prototype's evaluation line. */
  void validation(String metricName, double metric) {
    printf("validation %s: %.4f", metricName, metric);
  }

  /** The prototype's epoch line. */
  /** The held-out validation set's metric ({@code --validation}). */
  void heldOut(String metricName, double metric) {
    printf("held-out validation %s: %.4f", metricName, metric);
  }

  void epochDone(int epoch, double meanLoss) {
    printf("Epoch: %d done, avg loss: %.3f", epoch, meanLoss);
  }

  /** Lines of another part (the correction's fits), as they are. */
  void lines(Iterable<String> lines) {
    lines.forEach(out::println);
  }

  /** A run that diverged: the step and the cause, and that its metrics stand for nothing. */
  void diverged(int step, String cause) {
    printf(
        "diverged at step %d: %s; the run stops here (status diverged, no final metric)",
        step, cause);
  }

  /** The closing lines of a run that trained to its end. */
  void summary(
      String metricName,
      double metric,
      int steps,
      double wallSeconds,
      Timings t,
      CorrectionState correction) {
    printf("final %s: %.4f, %d steps in %.1f s", metricName, metric, steps, wallSeconds);
    timings(t);
    if (correction != null) {
      printf(
          "correction: %d corrected gradients, mean true error %.4f; per step %.1f ms corrected,"
              + " %.1f ms replica",
          correction.corrected(),
          correction.meanTrueError(),
          t.meanCorrectedMs(),
          t.meanReplicaMs());
    }
  }

  /** Where the time of the steps went. */
  void timings(Timings t) {
    int n = t.steps();
    if (n == 0) {
      return;
    }
    printf(
        "time per step: %.1f ms (gradients on Spark %.1f ms, of which broadcast %.1f ms and slowest"
            + " partition's compute %.1f ms; faults, defense and metrics %.1f ms; update %.1f ms);"
            + " evaluation %.1f s in all",
        t.stepMs() / n,
        t.gradMs() / n,
        t.broadcastMs() / n,
        t.computeMs() / n,
        t.aggregateMs() / n,
        t.updateMs() / n,
        t.evalMs() / 1e3);
  }

  /** The line of a {@code --data_coll_path} run once its pairs are written. */
  static String collected(int pairs, long rows, Set<Integer> workers, CorrectionConfig config) {
    return String.format(
        Locale.ROOT,
        "[DATA] Wrote %d replica pairs (%d coordinate rows) of workers %s to %s",
        pairs,
        rows,
        workers,
        config.collectPath());
  }

  private void printf(String format, Object... args) {
    out.println(String.format(Locale.ROOT, format, args));
  }
}
