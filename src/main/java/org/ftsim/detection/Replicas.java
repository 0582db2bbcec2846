package org.ftsim.detection;

/**
 * One step's replicated sub-batches ({@link ReplicationPlan}): what each worker reported for each
 * sub-batch it computed.
 *
 * @param owners {@code owners[j][w]}: whose sub-batch worker w computed in its j-th slot; slot 0 is
 *     the report that enters the aggregation
 * @param copies {@code copies[j][w]}: what worker w reported for it (after its fault), or null when
 *     nothing arrived; {@code copies[0]} are the step's reports
 */
public record Replicas(int[][] owners, float[][][] copies) {

  public Replicas {
    if (owners.length != copies.length || owners.length == 0) {
      throw new IllegalArgumentException(
          "one owner row per copy row, at least one; got "
              + owners.length
              + " and "
              + copies.length);
    }
    for (int j = 0; j < owners.length; j++) {
      if (owners[j].length != copies[0].length || copies[j].length != copies[0].length) {
        throw new IllegalArgumentException(
            "slot " + j + " is not of " + copies[0].length + " workers");
      }
    }
  }

  /** The step's reports, slot 0. */
  public float[][] reports() {
    return copies[0];
  }

  /** A step without replication: each worker's own report only. */
  public static Replicas of(float[][] reports) {
    int[] self = new int[reports.length];
    for (int w = 0; w < self.length; w++) {
      self[w] = w;
    }
    return new Replicas(new int[][] {self}, new float[][][] {reports});
  }
}
