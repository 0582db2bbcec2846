package org.ftsim.detection;

import java.util.ArrayList;
import java.util.List;

/**
 * A detector's flags scored against the truth, over the steps of a run. A worker-step counts when
 * the worker's report arrived; it is positive when the worker misbehaved at that step (a faulty
 * worker outside its {@code --fault-prob} draws or before {@code --fault-start} behaves honestly
 * and is negative). Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean,
 * each null when its denominator is 0. The delay of a faulty worker is the number of steps from the
 * first at which it misbehaved to the first at which it misbehaved and was flagged (0: caught at
 * once).
 */
public final class DetectionScore {

  /**
   * The counts so far, for checkpoints.
   *
   * @param steps the steps scored
   * @param trueFlags TP
   * @param falseFlags FP
   * @param missed FN
   * @param honestFlags flags of workers that are not faulty at all (not in {@code -f})
   * @param firstMisbehaved per worker, the first step it misbehaved at (0: none yet)
   * @param firstCaught per worker, the first step it misbehaved at and was flagged (0: none yet)
   */
  public record State(
      int steps,
      long trueFlags,
      long falseFlags,
      long missed,
      long honestFlags,
      int[] firstMisbehaved,
      int[] firstCaught) {}

  private int steps;
  private long trueFlags;
  private long falseFlags;
  private long missed;
  private long honestFlags;
  private final int[] firstMisbehaved;
  private final int[] firstCaught;

  /** A score of {@code workers} workers, no step yet. */
  public DetectionScore(int workers) {
    firstMisbehaved = new int[workers];
    firstCaught = new int[workers];
  }

  /**
   * Scores step {@code step} (from 1).
   *
   * @param arrived per worker, whether its report arrived
   * @param misbehaves per worker, whether it misbehaved (the truth)
   * @param faulty per worker, whether it is a faulty worker at all
   * @param flagged per worker, the detector's flag
   */
  public void record(
      int step, boolean[] arrived, boolean[] misbehaves, boolean[] faulty, boolean[] flagged) {
    steps++;
    for (int w = 0; w < arrived.length; w++) {
      if (!arrived[w]) {
        continue;
      }
      if (misbehaves[w]) {
        if (firstMisbehaved[w] == 0) {
          firstMisbehaved[w] = step;
        }
        if (flagged[w]) {
          trueFlags++;
          if (firstCaught[w] == 0) {
            firstCaught[w] = step;
          }
        } else {
          missed++;
        }
      } else if (flagged[w]) {
        falseFlags++;
      }
      if (flagged[w] && !faulty[w]) {
        honestFlags++;
      }
    }
  }

  public int steps() {
    return steps;
  }

  public long trueFlags() {
    return trueFlags;
  }

  public long falseFlags() {
    return falseFlags;
  }

  public long missed() {
    return missed;
  }

  /** Flags of workers that are not faulty at all. */
  public long honestFlags() {
    return honestFlags;
  }

  /** TP / (TP + FP), or null without flags. */
  public Double precision() {
    return ratio(trueFlags, trueFlags + falseFlags);
  }

  /** TP / (TP + FN), or null when nobody misbehaved. */
  public Double recall() {
    return ratio(trueFlags, trueFlags + missed);
  }

  /** 2PR / (P + R) = 2TP / (2TP + FP + FN); null when either is null. */
  public Double f1() {
    if (precision() == null || recall() == null) {
      return null;
    }
    return ratio(2 * trueFlags, 2 * trueFlags + falseFlags + missed);
  }

  /**
   * For each of {@code workers}, its delay (steps from its first misbehaviour to its first correct
   * flag), or null when it was never caught (or never misbehaved).
   */
  public List<Integer> delays(int[] workers) {
    List<Integer> out = new ArrayList<>();
    for (int w : workers) {
      out.add(firstCaught[w] == 0 ? null : firstCaught[w] - firstMisbehaved[w]);
    }
    return out;
  }

  /** A copy of the counts. */
  public State state() {
    return new State(
        steps,
        trueFlags,
        falseFlags,
        missed,
        honestFlags,
        firstMisbehaved.clone(),
        firstCaught.clone());
  }

  /** Continues from {@code s}, a {@link #state()} of a score of as many workers. */
  public void restore(State s) {
    if (s.firstMisbehaved().length != firstMisbehaved.length) {
      throw new IllegalArgumentException(
          "the state is of "
              + s.firstMisbehaved().length
              + " workers; this score has "
              + firstMisbehaved.length);
    }
    steps = s.steps();
    trueFlags = s.trueFlags();
    falseFlags = s.falseFlags();
    missed = s.missed();
    honestFlags = s.honestFlags();
    System.arraycopy(s.firstMisbehaved(), 0, firstMisbehaved, 0, firstMisbehaved.length);
    System.arraycopy(s.firstCaught(), 0, firstCaught, 0, firstCaught.length);
  }

  private static Double ratio(long numerator, long denominator) {
    return denominator == 0 ? null : numerator / (double) denominator;
  }
}
