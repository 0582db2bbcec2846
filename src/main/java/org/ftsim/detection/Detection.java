package org.ftsim.detection;

/**
 * What a detector says about one step's reports.
 *
 * @param suspicion per worker, how suspicious its report is (larger: more; the scale is the
 *     detector's); NaN for a worker whose report did not arrive
 * @param flagged per worker, whether the detector names it faulty at this step
 */
public record Detection(double[] suspicion, boolean[] flagged) {

  public Detection {
    if (suspicion.length != flagged.length) {
      throw new IllegalArgumentException(
          "one suspicion and one flag per worker; got "
              + suspicion.length
              + " and "
              + flagged.length);
    }
  }

  /** The number of flagged workers. */
  public int flaggedCount() {
    int c = 0;
    for (boolean f : flagged) {
      c += f ? 1 : 0;
    }
    return c;
  }
}
