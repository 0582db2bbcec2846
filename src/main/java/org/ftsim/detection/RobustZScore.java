package org.ftsim.detection;

import java.util.Arrays;
import java.util.stream.IntStream;
import org.ftsim.aggregation.CoordinateMedian;
import org.ftsim.linalg.Vectors;

/**
 * Flags the reports far from the coordinate-wise median: with d_i = ‖g_i − median(g)‖ over the
 * finite reports, the modified z-score z_i = (d_i − med(d)) / (1.4826 · MAD(d)), MAD(d) = med(|d −
 * med(d)|), flags z_i &gt; threshold (Iglewicz and Hoaglin 1993, whose 0.6745 = 1/1.4826 makes MAD
 * a consistent estimate of the standard deviation; 3.5 is their cut-off). A report with NaN or ±∞
 * scores +∞. When MAD is 0 (more than half the distances equal), any larger distance scores +∞. The
 * suspicion is z.
 */
public final class RobustZScore implements Detector {

  /** The cut-off of Iglewicz and Hoaglin. */
  public static final double DEFAULT_THRESHOLD = 3.5;

  /** 1 / Φ⁻¹(3/4): MAD × this estimates σ for normal data. */
  static final double MAD_TO_SIGMA = 1.4826;

  private final double threshold;

  /** Flags z &gt; {@code threshold} (finite, &gt; 0). */
  public RobustZScore(double threshold) {
    if (!(threshold > 0) || Double.isInfinite(threshold)) {
      throw new IllegalArgumentException(
          "zscore threshold must be finite and > 0; got " + threshold);
    }
    this.threshold = threshold;
  }

  @Override
  public Detection detect(float[][] reports) {
    double[] z = scores(reports);
    boolean[] flagged = new boolean[z.length];
    for (int w = 0; w < z.length; w++) {
      flagged[w] = z[w] > threshold;
    }
    return new Detection(z, flagged);
  }

  /**
   * Each report's modified z-score of its distance to the coordinate-wise median of the finite
   * reports: NaN without a report, +∞ for a non-finite one.
   */
  static double[] scores(float[][] reports) {
    int n = reports.length;
    double[] z = new double[n];
    Arrays.fill(z, Double.NaN);
    int[] finite =
        IntStream.range(0, n)
            .filter(w -> reports[w] != null && Vectors.allFinite(reports[w]))
            .toArray();
    for (int w = 0; w < n; w++) {
      if (reports[w] != null && !Vectors.allFinite(reports[w])) {
        z[w] = Double.POSITIVE_INFINITY;
      }
    }
    if (finite.length == 0) {
      return z;
    }
    float[][] rows = new float[finite.length][];
    for (int j = 0; j < finite.length; j++) {
      rows[j] = reports[finite[j]];
    }
    float[] median = new CoordinateMedian(0).aggregate(rows).gradient();
    double[] distance = new double[finite.length];
    IntStream.range(0, finite.length)
        .parallel()
        .forEach(j -> distance[j] = Math.sqrt(Vectors.squaredDistance(rows[j], median)));
    double center = median(distance);
    double[] deviation = new double[distance.length];
    for (int j = 0; j < distance.length; j++) {
      deviation[j] = Math.abs(distance[j] - center);
    }
    double spread = MAD_TO_SIGMA * median(deviation);
    for (int j = 0; j < finite.length; j++) {
      double excess = distance[j] - center;
      z[finite[j]] =
          spread > 0
              ? excess / spread
              : excess > 0 ? Double.POSITIVE_INFINITY : excess < 0 ? Double.NEGATIVE_INFINITY : 0;
    }
    return z;
  }

  /** The median of {@code values} (the mean of the two middle ones for an even count). */
  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int m = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
  }

  @Override
  public String toString() {
    return "zscore:threshold=" + threshold;
  }
}
