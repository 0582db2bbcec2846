package org.ftsim.fault;

import java.util.Arrays;

/**
 * The honest (non-faulty) workers' gradients of one step, with their coordinate-wise statistics
 * computed once, on first use, and shared by every faulty worker of the step: with 5 ALIE workers
 * and d = 468,874 the mean and standard deviation are computed once, not five times.
 *
 * <p>Rows are read-only by contract (they are the workers' gradients, not copies). Statistics are
 * accumulated in double, in worker order, so they are deterministic.
 */
public final class HonestGradients {

  private final int[] workers;
  private final float[][] rows;
  private double[] mean;
  private double[] standardDeviation;

  /**
   * The honest gradients of one step.
   *
   * @param workers the honest workers' indices, increasing
   * @param rows their gradients, in the same order, all of one length d
   */
  public HonestGradients(int[] workers, float[][] rows) {
    if (workers.length != rows.length) {
      throw new IllegalArgumentException(
          workers.length + " honest workers but " + rows.length + " gradients");
    }
    for (int i = 0; i < rows.length; i++) {
      if (i > 0 && workers[i] <= workers[i - 1]) {
        throw new IllegalArgumentException(
            "honest workers must be increasing; got " + Arrays.toString(workers));
      }
      if (rows[i].length != rows[0].length) {
        throw new IllegalArgumentException(
            "gradients of different lengths: " + rows[0].length + " and " + rows[i].length);
      }
    }
    this.workers = workers.clone();
    this.rows = rows.clone();
  }

  /** The number of honest workers, n − f. */
  public int count() {
    return rows.length;
  }

  /** The honest workers' indices, increasing (a copy). */
  public int[] workers() {
    return workers.clone();
  }

  /** The gradients, in worker order; read-only. */
  public float[][] rows() {
    return rows;
  }

  /**
   * The gradient of honest worker {@code worker}; read-only.
   *
   * @throws IllegalArgumentException if {@code worker} is not an honest worker
   */
  public float[] ofWorker(int worker) {
    int i = Arrays.binarySearch(workers, worker);
    if (i < 0) {
      throw new IllegalArgumentException(
          "worker " + worker + " is not honest; honest workers: " + Arrays.toString(workers));
    }
    return rows[i];
  }

  /**
   * The coordinate-wise mean μ_j = (1/h) Σ_i g_ij over the h honest rows. Shared: callers must not
   * modify it.
   */
  synchronized double[] mean() {
    if (mean == null) {
      requireRows(1, "a mean");
      int d = rows[0].length;
      double[] sum = new double[d];
      for (float[] row : rows) {
        for (int j = 0; j < d; j++) {
          sum[j] += row[j];
        }
      }
      double h = rows.length;
      for (int j = 0; j < d; j++) {
        sum[j] /= h;
      }
      mean = sum;
    }
    return mean;
  }

  /**
   * The coordinate-wise sample standard deviation σ_j = sqrt(Σ_i (g_ij − μ_j)² / (h − 1)), with
   * Bessel's correction (two passes, for accuracy). Needs h ≥ 2. Shared: callers must not modify
   * it.
   */
  synchronized double[] standardDeviation() {
    if (standardDeviation == null) {
      requireRows(2, "a sample standard deviation");
      double[] mu = mean();
      int d = mu.length;
      double[] squares = new double[d];
      for (float[] row : rows) {
        for (int j = 0; j < d; j++) {
          double deviation = row[j] - mu[j];
          squares[j] += deviation * deviation;
        }
      }
      double degrees = rows.length - 1;
      for (int j = 0; j < d; j++) {
        squares[j] = Math.sqrt(squares[j] / degrees);
      }
      standardDeviation = squares;
    }
    return standardDeviation;
  }

  private void requireRows(int needed, String what) {
    if (rows.length < needed) {
      throw new IllegalArgumentException(
          what + " needs at least " + needed + " honest gradient(s); got " + rows.length);
    }
  }
}
