package org.ftsim.correction;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What gradient correction carries from step to step, for checkpoints: each faulty worker's fitted
 * model as it stands (the model itself, so a resume neither refits nor depends on an MLlib fit
 * being repeatable), the pairs collected so far inside a replica phase, and the totals of the
 * closing summary.
 *
 * @param fits each faulty worker's latest fit, with its report (MSE, MAPE, fit time)
 * @param fitSteps the step of each worker's latest fit
 * @param pendingFaulty per worker, the corrupted gradients of the current replica phase so far
 * @param pendingTrue per worker, the matching true gradients
 * @param corrected corrected gradients so far
 * @param trueErrorSum the sum of their finite true errors
 * @param trueErrorCount how many were finite
 */
public record CorrectionState(
    Map<Integer, Fit> fits,
    Map<Integer, Integer> fitSteps,
    Map<Integer, List<float[]>> pendingFaulty,
    Map<Integer, List<float[]>> pendingTrue,
    long corrected,
    double trueErrorSum,
    long trueErrorCount) {

  public CorrectionState {
    fits = Map.copyOf(fits);
    fitSteps = Map.copyOf(fitSteps);
    pendingFaulty = copy(pendingFaulty);
    pendingTrue = copy(pendingTrue);
  }

  private static Map<Integer, List<float[]>> copy(Map<Integer, List<float[]>> rows) {
    Map<Integer, List<float[]>> out = new TreeMap<>();
    rows.forEach((w, list) -> out.put(w, List.copyOf(list)));
    return Collections.unmodifiableMap(out);
  }

  /** The mean of the finite true errors, NaN without one. */
  public double meanTrueError() {
    return trueErrorCount == 0 ? Double.NaN : trueErrorSum / trueErrorCount;
  }
}
