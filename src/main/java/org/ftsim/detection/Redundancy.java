package org.ftsim.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Redundant computation: every sub-batch is computed by r workers ({@link ReplicationPlan}), and
 * since the simulation is deterministic, honest copies of a sub-batch are equal bit for bit (as
 * floats, {@link Arrays#equals(float[], float[])}). Two workers <em>disagree</em> when their copies
 * of a sub-batch they both computed differ; honest workers never disagree with each other, so the
 * workers are explained by the fewest liars: the largest consistent sets (no two members disagree)
 * are taken as the honest candidates, and a worker is flagged when some largest consistent set
 * leaves it out ({@link ConsistentSets}). A missing copy is no evidence.
 *
 * <p>What this gives. With r = 3 a liar outvoted by two agreeing copies is flagged alone (a
 * majority). With r = 2 a lone disagreement is a tie, which the other sub-batches break: each
 * worker computes two, so a liar between two honest workers disagrees with both while they agree
 * elsewhere, and it alone is flagged; where nothing breaks the tie (two liars side by side, or a
 * pair whose other copies are missing) every worker of the disagreement is flagged. A worker that
 * corrupts every copy it computes is flagged at every step at which it has an honest partner whose
 * other partners are honest. An honest worker is flagged only when liars outnumber it locally:
 * liars that agree with each other, or enough of them around it that fewer liars would explain the
 * disagreements (then no rule that sees only the bytes can clear it). The suspicion is the number
 * of workers it disagreed with at the step. At most 64 workers.
 */
public final class Redundancy implements Detector {

  /** r: two copies, the cheapest that exposes a liar. */
  public static final int DEFAULT_COPIES = 2;

  private final int copies;

  /** A detector of r = {@code copies} ≥ 2 copies of each sub-batch. */
  public Redundancy(int copies) {
    if (copies < 2) {
      throw new IllegalArgumentException("redundancy needs r >= 2 copies; got " + copies);
    }
    this.copies = copies;
  }

  @Override
  public int copies() {
    return copies;
  }

  /** Always throws: redundancy judges the copies of each sub-batch, not the reports alone. */
  @Override
  public Detection detect(float[][] reports) {
    throw new IllegalStateException(
        "redundancy judges the " + copies + " copies of each sub-batch; give them as Replicas");
  }

  @Override
  public Detection detect(Replicas replicas) {
    float[][] reports = replicas.reports();
    int n = reports.length;
    if (n > 64) {
      throw new IllegalArgumentException("redundancy judges at most 64 workers; got " + n);
    }
    List<List<int[]>> bySubBatch = new ArrayList<>();
    for (int o = 0; o < n; o++) {
      bySubBatch.add(new ArrayList<>());
    }
    for (int j = 0; j < replicas.owners().length; j++) {
      for (int w = 0; w < n; w++) {
        if (replicas.copies()[j][w] != null) {
          bySubBatch.get(replicas.owners()[j][w]).add(new int[] {w, j});
        }
      }
    }
    long[] conflicts = new long[n];
    for (List<int[]> held : bySubBatch) {
      for (int a = 0; a < held.size(); a++) {
        for (int b = a + 1; b < held.size(); b++) {
          int u = held.get(a)[0];
          int v = held.get(b)[0];
          if (u != v
              && !Arrays.equals(
                  replicas.copies()[held.get(a)[1]][u], replicas.copies()[held.get(b)[1]][v])) {
            conflicts[u] |= 1L << v;
            conflicts[v] |= 1L << u;
          }
        }
      }
    }
    boolean[] flagged = ConsistentSets.outsideSomeLargest(conflicts);
    double[] suspicion = new double[n];
    for (int w = 0; w < n; w++) {
      suspicion[w] = reports[w] == null ? Double.NaN : Long.bitCount(conflicts[w]);
      flagged[w] &= reports[w] != null;
    }
    return new Detection(suspicion, flagged);
  }

  @Override
  public String toString() {
    return "redundancy:r=" + copies;
  }
}
