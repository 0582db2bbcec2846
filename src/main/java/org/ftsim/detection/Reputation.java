package org.ftsim.detection;

import java.util.Arrays;

/**
 * Accumulates suspicion over steps: a one-sided CUSUM (Page 1954) of each worker's robust z-score
 * ({@link RobustZScore}), s_w ← max(0, s_w + min(z_w, cap) − drift), flagged while s_w &gt;
 * threshold. A worker far off once (z ≥ cap) is flagged and stays under watch for about (cap −
 * threshold) / drift honest steps; one that misbehaves now and then, or only a little at every
 * step, builds up suspicion that a per-step test would miss. The suspicion is s. A worker without a
 * report keeps its s and is not flagged.
 */
public final class Reputation implements Detector {

  public static final double DEFAULT_THRESHOLD = 5;
  public static final double DEFAULT_DRIFT = 1;
  public static final double DEFAULT_CAP = 10;

  private final double threshold;
  private final double drift;
  private final double cap;
  private double[] suspicion = new double[0];

  /**
   * @param threshold h, flags s &gt; h (&gt; 0)
   * @param drift k, what an honest step takes off s (&gt; 0)
   * @param cap the most one step adds (&gt; drift)
   */
  public Reputation(double threshold, double drift, double cap) {
    if (!(threshold > 0 && drift > 0 && cap > drift)
        || Double.isInfinite(threshold)
        || Double.isInfinite(cap)) {
      throw new IllegalArgumentException(
          "reputation needs finite threshold > 0, drift > 0 and cap > drift; got threshold="
              + threshold
              + ", drift="
              + drift
              + ", cap="
              + cap);
    }
    this.threshold = threshold;
    this.drift = drift;
    this.cap = cap;
  }

  @Override
  public Detection detect(float[][] reports) {
    int n = reports.length;
    if (suspicion.length != n) {
      suspicion = new double[n];
    }
    double[] z = RobustZScore.scores(reports);
    double[] out = new double[n];
    boolean[] flagged = new boolean[n];
    for (int w = 0; w < n; w++) {
      if (reports[w] == null) {
        out[w] = Double.NaN;
        continue;
      }
      suspicion[w] = Math.max(0, suspicion[w] + Math.min(z[w], cap) - drift);
      out[w] = suspicion[w];
      flagged[w] = suspicion[w] > threshold;
    }
    return new Detection(out, flagged);
  }

  @Override
  public double[] state() {
    return suspicion.clone();
  }

  @Override
  public void restore(double[] state) {
    suspicion = state.clone();
  }

  @Override
  public String toString() {
    return "reputation:threshold=" + threshold + ",drift=" + drift + ",cap=" + cap;
  }

  /** The accumulated suspicion per worker (empty before the first step). */
  double[] suspicion() {
    return Arrays.copyOf(suspicion, suspicion.length);
  }
}
