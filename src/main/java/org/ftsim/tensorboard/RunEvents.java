package org.ftsim.tensorboard;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.ftsim.results.Rows;
import org.ftsim.results.Rows.EvalRow;
import org.ftsim.results.Rows.RunRow;
import org.ftsim.results.Rows.StepRow;
import org.ftsim.results.Rows.WorkerRow;

/**
 * Writes a run's rows, as the run produces them, as TensorBoard scalars in {@code
 * DIR/tensorboard/RUN_ID/}: the prototype's tags with its step numbering (global step from 1), and
 * ftsim's own under {@code ftsim/}.
 *
 * <table>
 *   <caption>tags</caption>
 *   <tr><td>{@code Loss/train}</td><td>steps.train_loss, every step</td></tr>
 *   <tr><td>{@code Accuracy/val} (MSE/val for a regression)</td><td>evals.metric, at the step
 *       after which it was evaluated</td></tr>
 *   <tr><td>{@code ftsim/test_loss}</td><td>evals.test_loss</td></tr>
 *   <tr><td>{@code ftsim/holdout_accuracy} (or {@code _mse}), {@code ftsim/holdout_loss}</td>
 *       <td>the {@code val_} evals rows of a {@code --validation} hold-out</td></tr>
 *   <tr><td>{@code ftsim/k}, {@code ftsim/lr}</td><td>steps.k and the scaled rate used</td></tr>
 *   <tr><td>{@code ftsim/grad_norm/honest}, {@code ftsim/grad_norm/faulty}</td><td>the mean
 *       workers.grad_norm of the honest and of the faulty workers that reported (faulty: only
 *       with faulty workers)</td></tr>
 *   <tr><td>{@code ftsim/correction_error}</td><td>the mean workers.correction_error of the
 *       step's corrected gradients (corrected steps only)</td></tr>
 * </table>
 *
 * Values are float32, as TensorBoard stores them. The file is flushed at every evaluation and
 * closed by the runs row.
 */
public final class RunEvents implements Consumer<Rows.Result> {

  /** The prototype's tag of the training loss. */
  public static final String LOSS = "Loss/train";

  /** The prototype's tag of the test accuracy. */
  public static final String ACCURACY = "Accuracy/val";

  /** ftsim's tag of the test MSE of a regression. */
  public static final String MSE = "MSE/val";

  /** ftsim's tag of the test loss. */
  public static final String TEST_LOSS = "ftsim/test_loss";

  /** The folder under the results directory that holds one folder of events per run. */
  public static final String FOLDER = "tensorboard";

  private final EventFileWriter writer;
  private final List<WorkerRow> workers = new ArrayList<>();
  private boolean closed;

  private RunEvents(EventFileWriter writer) {
    this.writer = writer;
  }

  /** Events of run {@code runId} in {@code resultsDir/tensorboard/runId/}. */
  public static RunEvents open(String resultsDir, String runId) {
    return new RunEvents(EventFileWriter.create(folder(resultsDir, runId)));
  }

  /** The folder of run {@code runId}'s event files. */
  public static String folder(String resultsDir, String runId) {
    String base = resultsDir.endsWith("/") ? resultsDir : resultsDir + "/";
    return base + FOLDER + "/" + runId;
  }

  /** The event file written. */
  public String file() {
    return writer.file();
  }

  @Override
  public void accept(Rows.Result row) {
    if (closed) {
      return;
    }
    if (row instanceof WorkerRow w) {
      workers.add(w); // a step's worker rows come before its step row
    } else if (row instanceof StepRow s) {
      step(s);
    } else if (row instanceof EvalRow e) {
      eval(e);
    } else if (row instanceof RunRow) {
      closed = true;
      writer.close();
    }
  }

  private void step(StepRow s) {
    List<String> tags = new ArrayList<>(List.of(LOSS, "ftsim/k", "ftsim/lr"));
    List<Double> values = new ArrayList<>(List.of(s.trainLoss(), (double) s.k(), s.lr()));
    Mean honest = new Mean();
    Mean faulty = new Mean();
    Mean correction = new Mean();
    boolean anyFaulty = false;
    for (WorkerRow w : workers) {
      if (w.step() != s.step()) {
        continue;
      }
      anyFaulty |= w.faulty();
      if (w.gradNorm() != null) {
        (w.faulty() ? faulty : honest).add(w.gradNorm());
      }
      if (w.corrected() && w.correctionError() != null) {
        correction.add(w.correctionError());
      }
    }
    workers.clear();
    if (honest.count > 0) {
      tags.add("ftsim/grad_norm/honest");
      values.add(honest.value());
    }
    if (anyFaulty && faulty.count > 0) {
      tags.add("ftsim/grad_norm/faulty");
      values.add(faulty.value());
    }
    if (correction.count > 0) {
      tags.add("ftsim/correction_error");
      values.add(correction.value());
    }
    writer.scalars(s.step(), tags, floats(values));
  }

  private void eval(EvalRow e) {
    if (e.metricName().startsWith("val_")) {
      // The --validation hold-out, kept apart from the prototype's test-set tags.
      String name = e.metricName().substring("val_".length());
      writer.scalars(
          e.step(),
          List.of("ftsim/holdout_" + name, "ftsim/holdout_loss"),
          new float[] {(float) e.metric(), (float) e.testLoss()});
      writer.flush();
      return;
    }
    String tag = e.metricName().equals("mse") ? MSE : ACCURACY;
    writer.scalars(
        e.step(), List.of(tag, TEST_LOSS), new float[] {(float) e.metric(), (float) e.testLoss()});
    writer.flush();
  }

  private static float[] floats(List<Double> values) {
    float[] out = new float[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = values.get(i).floatValue();
    }
    return out;
  }

  private static final class Mean {
    private double sum;
    private int count;

    void add(double value) {
      sum += value;
      count++;
    }

    double value() {
      return sum / count;
    }
  }
}
