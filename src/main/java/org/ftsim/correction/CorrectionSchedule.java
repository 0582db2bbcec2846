package org.ftsim.correction;

/**
 * The alternation of replica and correction phases (SPEC §7): cycles of {@code replicaSteps}
 * replica steps followed by {@code correctEvery} corrected steps, from global step 1. With the
 * defaults (1, 10) steps 1, 12, 23, … are replica steps and the models are fitted after each of
 * them. Pure and immutable.
 *
 * <p>Step t (≥ 1) is at position p = (t − 1) mod (replicaSteps + correctEvery) of its cycle; it is
 * a replica step when p &lt; replicaSteps, and the last one of its phase when p = replicaSteps − 1.
 */
public final class CorrectionSchedule {

  /** {@code --replica-steps}: one replica step per cycle, as the prototype. */
  public static final int DEFAULT_REPLICA_STEPS = 1;

  /** {@code --correct-every}: ten corrected steps per cycle. */
  public static final int DEFAULT_CORRECT_EVERY = 10;

  private final int replicaSteps;
  private final int correctEvery;

  /** The default schedule: 1 replica step, then 10 corrected steps. */
  public CorrectionSchedule() {
    this(DEFAULT_REPLICA_STEPS, DEFAULT_CORRECT_EVERY);
  }

  /**
   * A schedule.
   *
   * @param replicaSteps replica steps per cycle, ≥ 1
   * @param correctEvery corrected steps per cycle, ≥ 1
   * @throws IllegalArgumentException naming the bad value
   */
  public CorrectionSchedule(int replicaSteps, int correctEvery) {
    if (replicaSteps < 1) {
      throw new IllegalArgumentException("replica steps must be >= 1; got " + replicaSteps);
    }
    if (correctEvery < 1) {
      throw new IllegalArgumentException("correct-every must be >= 1; got " + correctEvery);
    }
    this.replicaSteps = replicaSteps;
    this.correctEvery = correctEvery;
  }

  /** {@link Phase#REPLICA} or {@link Phase#CORRECTED} for global step {@code step} (from 1). */
  public Phase phase(long step) {
    return position(step) < replicaSteps ? Phase.REPLICA : Phase.CORRECTED;
  }

  /**
   * Whether {@code step} is the last replica step of its phase, after whose gradients the models
   * are fitted (on all the phase's pairs) before the next step.
   */
  public boolean fitsAfter(long step) {
    return position(step) == replicaSteps - 1;
  }

  /** Replica steps per cycle. */
  public int replicaSteps() {
    return replicaSteps;
  }

  /** Corrected steps per cycle. */
  public int correctEvery() {
    return correctEvery;
  }

  private long position(long step) {
    if (step < 1) {
      throw new IllegalArgumentException("global steps count from 1; got " + step);
    }
    return (step - 1) % ((long) replicaSteps + correctEvery);
  }

  @Override
  public String toString() {
    return "replica-steps=" + replicaSteps + ", correct-every=" + correctEvery;
  }
}
