package org.ftsim.fault;

/**
 * The run's defense as an adaptive fault may query it: the aggregate the actual pre-aggregators and
 * rule (built for the declared f) would return for the given reports, without advancing any state
 * the defense carries between steps (centered clipping's centre, bucketing's counter). The driver
 * implements it; the fault package knows only this interface.
 */
@FunctionalInterface
public interface DefenseProbe {

  /** A context's probe when no defense is known (faults used outside a run): every call throws. */
  DefenseProbe NONE =
      (reports, faulty) -> {
        throw new IllegalStateException("no defense to probe: the fault runs outside a run");
      };

  /**
   * The defense's aggregate of {@code reports}.
   *
   * @param reports the rows, all of one length d; read-only
   * @param faulty for each row whether it comes from a faulty worker (read only by {@code drop} and
   *     {@code detect})
   * @return a new array of length d
   */
  float[] aggregate(float[][] reports, boolean[] faulty);
}
