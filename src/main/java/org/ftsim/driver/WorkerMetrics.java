package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.ftsim.aggregation.Mean;
import org.ftsim.fault.FaultPlan;
import org.ftsim.results.Rows.WorkerRow;
import org.ftsim.spark.WorkerGradient;

/** The per-worker rows of a step: each report's norm and cosine to the honest workers' mean. */
final class WorkerMetrics {

  private WorkerMetrics() {}

  /**
   * The {@code workers} rows of step {@code step}, the norms and cosines computed in parallel.
   *
   * @param used per worker, whether the aggregate used its report
   * @param corrected per worker, whether its report was corrected, with its true error in {@code
   *     correctionError}
   */
  static List<WorkerRow> rows(
      String runId,
      int step,
      FaultPlan faults,
      List<WorkerGradient> computed,
      float[][] honest,
      float[][] reported,
      boolean[] used,
      boolean[] corrected,
      double[] correctionError) {
    int n = honest.length;
    float[][] honestRows =
        IntStream.range(0, n)
            .filter(w -> !faults.isFaulty(w))
            .mapToObj(w -> honest[w])
            .toArray(float[][]::new);
    float[] honestMean = Mean.mean(honestRows);
    double meanNorm = Math.sqrt(dot(honestMean, honestMean));
    double[][] stats = new double[n][];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            w -> {
              float[] r = reported[w];
              stats[w] = r == null ? null : new double[] {Math.sqrt(dot(r, r)), dot(r, honestMean)};
            });
    List<WorkerRow> rows = new ArrayList<>(n);
    for (WorkerGradient g : computed) {
      int w = g.worker();
      double[] s = stats[w];
      rows.add(
          new WorkerRow(
              runId,
              step,
              w,
              g.batch(),
              faults.isFaulty(w),
              faults.misbehaves(w, step) ? faults.faultName(w) : null,
              used[w],
              s == null ? null : s[0],
              g.loss(),
              s == null ? null : s[1] / (s[0] * meanNorm),
              corrected[w],
              corrected[w] ? correctionError[w] : null));
    }
    return rows;
  }

  /** a·b with eight float accumulators (pipelined; ample precision for a logged metric). */
  private static double dot(float[] a, float[] b) {
    float s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    int j = 0;
    for (int end = a.length - 7; j < end; j += 8) {
      s0 += a[j] * b[j];
      s1 += a[j + 1] * b[j + 1];
      s2 += a[j + 2] * b[j + 2];
      s3 += a[j + 3] * b[j + 3];
      s4 += a[j + 4] * b[j + 4];
      s5 += a[j + 5] * b[j + 5];
      s6 += a[j + 6] * b[j + 6];
      s7 += a[j + 7] * b[j + 7];
    }
    double s = (double) s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
    for (; j < a.length; j++) {
      s += (double) a[j] * b[j];
    }
    return s;
  }
}
