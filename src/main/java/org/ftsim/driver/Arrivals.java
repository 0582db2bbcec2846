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

  /** Per worker, whether the aggregate used its report. */
  boolean[] used(Aggregation aggregate, int n) {
    boolean[] used = new boolean[n];
    for (int j = 0; j < worker.length; j++) {
      used[worker[j]] = aggregate.used()[j];
    }
    return used;
  }
}
