package org.ftsim.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.detection.Detection;
import org.ftsim.detection.DetectionScore;
import org.ftsim.detection.DetectionState;
import org.ftsim.detection.Detector;
import org.ftsim.detection.DetectorRegistry;
import org.ftsim.detection.Replicas;
import org.ftsim.detection.ReplicationPlan;
import org.ftsim.fault.FaultPlan;
import org.ftsim.results.Rows.DetectionRow;

/**
 * The detection stage of the step pipeline ({@code --detect}): the detector judges what the workers
 * reported, before any correction, and its flags are scored against the truth the simulation knows
 * (which workers misbehaved at the step). Owns the detector's state and the score, and, for a
 * detector of replicated sub-batches, the plan of who computes which copies.
 */
final class DetectionStage {

  private final Detector detector;
  private final FaultPlan faults;
  private final DetectionScore score;
  private final ReplicationPlan plan;
  private final boolean keepsSuspects;
  private final boolean[] everFlagged;

  /**
   * The detection by {@code detector}; {@code seed} draws its replication plan, if it has one. With
   * {@code keepsSuspects} (correction follows the detector) the workers flagged so far are part of
   * the state.
   */
  DetectionStage(Detector detector, FaultPlan faults, long seed, boolean keepsSuspects) {
    this.detector = detector;
    this.faults = faults;
    this.keepsSuspects = keepsSuspects;
    this.everFlagged = new boolean[faults.workers()];
    this.score = new DetectionScore(faults.workers());
    this.plan =
        detector.copies() > 1
            ? new ReplicationPlan(faults.workers(), detector.copies(), seed)
            : null;
  }

  /**
   * The detector {@code --detect} names in {@code c}, checked against the run (a replication plan
   * needs 2 ≤ r ≤ n and at most 64 workers); a refusal names {@code --detect}.
   */
  static Detector detector(SimulationConfig c) {
    String spec = c.defense().detect();
    try {
      Detector detector = DetectorRegistry.create(spec);
      if (detector.copies() > 1) {
        new ReplicationPlan(c.workers(), detector.copies(), c.seed());
        if (c.workers() > 64) {
          throw new IllegalArgumentException("judges at most 64 workers; got -w " + c.workers());
        }
      }
      return detector;
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--detect", spec, e.getMessage());
    }
  }

  /**
   * Whose sub-batch each worker computes in each slot at {@code step} ({@link
   * ReplicationPlan#owners}), or null when the detector needs no copies.
   */
  int[][] copyOwners(long step) {
    return plan == null ? null : plan.owners(step);
  }

  /**
   * Judges step {@code step}'s reports ({@code reported[w]} null: nothing arrived) and scores it.
   */
  Detection detect(int step, float[][] reported) {
    return detect(step, reported, Replicas.of(reported));
  }

  /**
   * Judges step {@code step} from its copies ({@code replicas}, whose slot 0 may leave out reports
   * that are no evidence) and scores the flags of the reports that arrived ({@code reported}).
   */
  Detection detect(int step, float[][] reported, Replicas replicas) {
    Detection d = detector.detect(replicas);
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
    for (int w = 0; w < n; w++) {
      everFlagged[w] |= d.flagged()[w];
    }
    return d;
  }

  /** The suspects: the workers flagged at some step so far, ascending. */
  int[] suspects() {
    int count = 0;
    for (boolean f : everFlagged) {
      count += f ? 1 : 0;
    }
    int[] out = new int[count];
    for (int w = 0, i = 0; w < everFlagged.length; w++) {
      if (everFlagged[w]) {
        out[i++] = w;
      }
    }
    return out;
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
        plan == null ? 0L : score.steps() * plan.extraGradientsPerStep());
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
        + " flags of honest workers"
        + (plan == null ? "" : "; " + r.extraGradients() + " extra gradients");
  }

  private static String format(Double x) {
    return x == null ? "-" : String.format(Locale.ROOT, "%.4f", x);
  }

  /**
   * A copy of the state carried from step to step; the suspects, when kept, follow the detector's
   * own state as n values 0 or 1.
   */
  DetectionState state() {
    double[] own = detector.state();
    if (!keepsSuspects) {
      return new DetectionState(own, score.state());
    }
    double[] withSuspects = java.util.Arrays.copyOf(own, own.length + everFlagged.length);
    for (int w = 0; w < everFlagged.length; w++) {
      withSuspects[own.length + w] = everFlagged[w] ? 1 : 0;
    }
    return new DetectionState(withSuspects, score.state());
  }

  /** Continues from {@code saved}, a {@link #state()} of a run of this configuration. */
  void restore(DetectionState saved) {
    double[] state = saved.detector();
    if (keepsSuspects) {
      int n = everFlagged.length;
      if (state.length < n) {
        throw new IllegalArgumentException(
            "the saved detection has no suspects of " + n + " workers");
      }
      for (int w = 0; w < n; w++) {
        everFlagged[w] = state[state.length - n + w] != 0;
      }
      state = java.util.Arrays.copyOf(state, state.length - n);
    }
    detector.restore(state);
    score.restore(saved.score());
  }
}
