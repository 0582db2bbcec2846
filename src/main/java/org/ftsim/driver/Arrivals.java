package org.ftsim.driver;

import org.ftsim.aggregation.Aggregation;
import org.ftsim.fault.FaultPlan;

/**
 * The reports that enter the defense, with their workers and whether each is known faulty (or, for
 * {@code -df detect}, flagged by the detector and not corrected): what the step pipeline hands the
 * defense.
 */
record Arrivals(float[][] rows, boolean[] faulty, int[] worker) {

  /**
   * @param owners in a replica step, whose sub-batch each worker computed: a report on another's
   *     sub-batch is left out; null in other steps
   * @param flagged the detector's flags, to stand for the truth; null to give the truth. When the
   *     detector flags every report that arrived, none is dropped.
   */
  static Arrivals of(float[][] reported, FaultPlan faults, int[] owners, boolean[] flagged) {
    int n = reported.length;
    int count = 0;
    for (int w = 0; w < n; w++) {
      count += enters(reported, owners, w) ? 1 : 0;
    }
    float[][] rows = new float[count][];
    boolean[] faulty = new boolean[count];
    int[] worker = new int[count];
    for (int w = 0, j = 0; w < n; w++) {
      if (enters(reported, owners, w)) {
        rows[j] = reported[w];
        faulty[j] = flagged != null ? flagged[w] : faults.isFaulty(w);
        worker[j++] = w;
      }
    }
    if (flagged != null && count > 0 && allSet(faulty)) {
      faulty = new boolean[count];
    }
    return new Arrivals(rows, faulty, worker);
  }

  private static boolean allSet(boolean[] flags) {
    for (boolean f : flags) {
      if (!f) {
        return false;
      }
    }
    return true;
  }

  private static boolean enters(float[][] reported, int[] owners, int w) {
    return reported[w] != null && (owners == null || owners[w] == w);
  }

  /**
   * What the defense did with each worker's report, by worker.
   *
   * @param used whether the aggregate used it
   * @param discarded the share of it the defense discarded (NaN: it did not enter)
   * @param scores the rule's score of it (NaN: it did not enter, or the rule has none)
   */
  record Verdict(boolean[] used, double[] discarded, double[] scores) {

    /** {@code value} boxed, or null when NaN (the column is null). */
    static Double orNull(double value) {
      return Double.isNaN(value) ? null : value;
    }
  }

  /** The defense's verdict on each of the n workers, from its aggregation of these arrivals. */
  Verdict verdict(Aggregation aggregate, int n) {
    boolean[] used = new boolean[n];
    double[] discarded = new double[n];
    double[] scores = new double[n];
    java.util.Arrays.fill(discarded, Double.NaN);
    java.util.Arrays.fill(scores, Double.NaN);
    for (int j = 0; j < worker.length; j++) {
      used[worker[j]] = aggregate.used()[j];
      discarded[worker[j]] = aggregate.discarded()[j];
      if (aggregate.scores() != null) {
        scores[worker[j]] = aggregate.scores()[j];
      }
    }
    return new Verdict(used, discarded, scores);
  }
}
