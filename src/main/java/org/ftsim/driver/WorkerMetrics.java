package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ftsim.aggregation.Mean;
import org.ftsim.detection.Detection;
import org.ftsim.fault.FaultPlan;
import org.ftsim.linalg.Vectors;
import org.ftsim.results.Rows.WorkerRow;
import org.ftsim.spark.WorkerGradient;

/** The per-worker rows of a step: each report's norm and cosine to the honest workers' mean. */
final class WorkerMetrics {

  /** Coordinates per block of the pass: a multiple of 4; 16 workers' blocks fit in L2. */
  static final int BLOCK = 8192;

  private WorkerMetrics() {}

  /**
   * Whether each worker reported, its report's norm and dot product with the honest workers' mean,
   * by worker, and the mean's norm: the bulk of a step's workers rows, one pass over the n × d
   * matrix.
   */
  record Norms(boolean[] reported, double[] norm, double[] cross, double meanNorm) {}

  /**
   * The {@link Norms} of step's reports {@code reported} against the mean of the honest rows of
   * {@code honest}, on one thread (the pipeline's own, while the driver defends and the next step's
   * gradients are computed).
   */
  static Norms norms(FaultPlan faults, float[][] honest, float[][] reported) {
    int n = honest.length;
    float[][] honestRows =
        IntStream.range(0, n)
            .filter(w -> !faults.isFaulty(w))
            .mapToObj(w -> honest[w])
            .toArray(float[][]::new);
    // One pass in blocks: a block of the honest mean, then every report's ‖r‖² and r·mean and the
    // mean's own ‖mean‖² over it while the block's rows are in cache, two vectors at a time (their
    // sums independent, so the core works on both at once); the bits of Mean.mean, Vectors.norm and
    // Vectors.dot.
    int d = honest[0].length;
    float[] honestMean = new float[d];
    // The reports that arrived, then the honest mean itself, each with its accumulators.
    int[] reports = IntStream.range(0, n).filter(w -> reported[w] != null).toArray();
    float[][] vectors = new float[reports.length + 1][];
    double[][] sums = new double[reports.length + 1][];
    for (int i = 0; i <= reports.length; i++) {
      vectors[i] = i < reports.length ? reported[reports[i]] : honestMean;
      sums[i] = new double[Vectors.ACCUMULATORS];
    }
    for (int from = 0; from < d; from += BLOCK) {
      int to = Math.min(d, from + BLOCK);
      Mean.mean(honestRows, from, to, honestMean);
      int i = 0;
      for (; i + 1 < vectors.length; i += 2) {
        Vectors.selfAndCross(
            vectors[i], vectors[i + 1], honestMean, from, to, sums[i], sums[i + 1]);
      }
      if (i < vectors.length) {
        Vectors.selfAndCross(vectors[i], honestMean, from, to, sums[i]);
      }
    }
    double meanNorm = Math.sqrt(Vectors.selfAndCross(sums[reports.length])[0]);
    boolean[] present = new boolean[n];
    double[] norm = new double[n];
    double[] cross = new double[n];
    for (int i = 0; i < reports.length; i++) {
      int w = reports[i];
      double[] sc = Vectors.selfAndCross(sums[i]);
      present[w] = true;
      norm[w] = Math.sqrt(sc[0]);
      cross[w] = sc[1];
    }
    return new Norms(present, norm, cross, meanNorm);
  }

  /**
   * The {@code workers} rows of step {@code step} from its {@link #norms}.
   *
   * @param owners per worker, whose sub-batch it computed (null: each its own)
   * @param verdict per worker, whether the aggregate used its report, the share of it the defense
   *     discarded and the rule's score of it
   * @param corrected per worker, whether its report was corrected, with its true error in {@code
   *     correctionError}
   * @param detection the detector's verdict on the step, or null without a detector
   */
  static List<WorkerRow> rows(
      String runId,
      int step,
      FaultPlan faults,
      List<WorkerGradient> computed,
      int[] owners,
      Norms norms,
      Arrivals.Verdict verdict,
      boolean[] corrected,
      double[] correctionError,
      Detection detection) {
    List<WorkerRow> rows = new ArrayList<>(computed.size());
    for (WorkerGradient g : computed) {
      int w = g.worker();
      boolean reported = norms.reported()[w];
      double norm = norms.norm()[w];
      rows.add(
          new WorkerRow(
              runId,
              step,
              w,
              g.batch(),
              owners == null ? w : owners[w],
              faults.isFaulty(w),
              faults.misbehaves(w, step) ? faults.faultName(w) : null,
              verdict.used()[w],
              Arrivals.Verdict.orNull(verdict.discarded()[w]),
              Arrivals.Verdict.orNull(verdict.scores()[w]),
              reported ? norm : null,
              g.loss(),
              reported ? norms.cross()[w] / (norm * norms.meanNorm()) : null,
              corrected[w],
              corrected[w] ? correctionError[w] : null,
              detection == null ? null : detection.flagged()[w],
              detection == null || Double.isNaN(detection.suspicion()[w])
                  ? null
                  : detection.suspicion()[w]));
    }
    return rows;
  }
}
