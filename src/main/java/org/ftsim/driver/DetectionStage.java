package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ftsim.detection.Detection;
import org.ftsim.detection.DetectionScore;
import org.ftsim.detection.DetectionState;
import org.ftsim.detection.Detector;
import org.ftsim.fault.FaultPlan;
import org.ftsim.results.Rows.DetectionRow;

/**
 * The detection stage of the step pipeline ({@code --detect}): the detector judges what the workers
 * reported, before any correction, and its flags are scored against the truth the simulation knows
 * (which workers misbehaved at the step). Owns the detector's state and the score.
 */
final class DetectionStage {

  private final Detector detector;
  private final FaultPlan faults;
  private final DetectionScore score;

  DetectionStage(Detector detector, FaultPlan faults) {
    this.detector = detector;
    this.faults = faults;
    this.score = new DetectionScore(faults.workers());
  }

  /**
   * Judges step {@code step}'s reports ({@code reported[w]} null: nothing arrived) and scores it.
   */
  Detection detect(int step, float[][] reported) {
    Detection d = detector.detect(reported);
    int n = reported.length;
    boolean[] arrived = new boolean[n];
    boolean[] misbehaves = new boolean[n];
    boolean[] faulty = new boolean[n];
    for (int w = 0; w < n; w++) {
      arrived[w] = reported[w] != null;
      misbehaves[w] = faults.misbehaves(w, step);
      faulty[w] = faults.isFaulty(w);
    }
    score.record(step, arrived, misbehaves, faulty, d.flagged());
    return d;
  }

  /** The run's {@code detections} row: the score so far. */
  DetectionRow row(String runId) {
    int[] faulty = faults.faultyWorkers();
    List<Integer> delays = score.delays(faulty);
    List<Integer> workers = new ArrayList<>();
    long delaySum = 0;
    int detected = 0;
    for (int i = 0; i < faulty.length; i++) {
      workers.add(faulty[i]);
      if (delays.get(i) != null) {
        delaySum += delays.get(i);
        detected++;
      }
    }
    return new DetectionRow(
        runId,
        detector.toString(),
        score.steps(),
        score.precision(),
        score.recall(),
        score.f1(),
        score.trueFlags(),
        score.falseFlags(),
        score.missed(),
        score.honestFlags(),
        workers,
        delays,
        detected,
        detected == 0 ? null : delaySum / (double) detected,
        0L);
  }

  /** The closing console line. */
  String summary() {
    DetectionRow r = row("");
    return "detection ("
        + r.detector()
        + "): precision "
        + format(r.precision())
        + ", recall "
        + format(r.recall())
        + ", F1 "
        + format(r.f1())
        + "; "
        + r.detected()
        + " of "
        + r.faultyWorkers().size()
        + " faulty workers caught, steps to detection "
        + r.delays()
        + "; "
        + r.honestFlags()
        + " flags of honest workers";
  }

  private static String format(Double x) {
    return x == null ? "-" : String.format(Locale.ROOT, "%.4f", x);
  }

  /** A copy of the state carried from step to step. */
  DetectionState state() {
    return new DetectionState(detector.state(), score.state());
  }

  /** Continues from {@code saved}, a {@link #state()} of a run of this configuration. */
  void restore(DetectionState saved) {
    detector.restore(saved.detector());
    score.restore(saved.score());
  }
}
