package org.ftsim.fault;

import java.lang.ref.WeakReference;
import java.util.Arrays;

/**
 * {@code fang-krum}, Fang et al.'s full-knowledge attack on Krum, in gradient form: every attacker
 * reports −λ·sign(μ) (μ the honest mean; the model then moves against its honest direction), with λ
 * the largest of λ₀, λ₀/2, λ₀/4, … (down to {@value #THRESHOLD}) for which Krum with f = c over the
 * c reports and the h = n − c honest gradients selects a report. Their upper bound, with w_Re (the
 * current model) as the zero gradient and D the Euclidean distance:
 *
 * <pre>
 * λ₀ = min_i Σ_{l ∈ Γ_i} D(g_l, g_i) / ((n − 2c − 1)·√d) + max_i D(g_i, 0) / √d,
 * </pre>
 *
 * Γ_i the n − c − 2 honest gradients nearest g_i. Krum's score is the sum of squared distances to
 * the n − c − 2 nearest other reports; a tie goes to the attackers' report (listed first, as in the
 * authors' code). When no λ down to the threshold is selected, the last one tried is reported.
 *
 * <p>Needs n − 2c − 1 ≥ 1 and n − c − 2 ≥ 1.
 *
 * <p>The counts are the paper's (n = m workers, c attackers): Γ_i holds the m − c − 2 benign models
 * nearest w_i, the first term is divided by (m − 2c − 1)·√d, and Krum scores over m − c − 2
 * neighbours (Blanchard et al.'s n − f − 2). The NDSS'21 Min-Max/Min-Sum authors' port of this
 * attack ({@code compute_lambda_fang}, copied by many later codes) sums n_benign − 2 − c = m − 2c −
 * 2 distances instead, a smaller λ₀; its Krum check keeps m − c − 2. Neither ByzFL nor the Blades
 * sources read (bladesteam/blades, master) ship a Fang attack to compare with.
 *
 * <p>Fang, M., Cao, X., Jia, J. and Gong, N. Z. (2020), "Local Model Poisoning Attacks to
 * Byzantine-Robust Federated Learning", USENIX Security 2020, §3 (attack on Krum, the bound on λ).
 */
public final class FangKrum implements Scalable {

  private WeakReference<HonestGradients> searched = new WeakReference<>(null);
  private double searchedLambda;

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }

  /** The smallest λ tried (the authors' {@code threshold = 1e-5}). */
  public static final double THRESHOLD = 1e-5;

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    feasible(workers, workers - honestWorkers.length);
  }

  private static void feasible(int n, int c) {
    if (n - 2 * c - 1 < 1 || n - c - 2 < 1) {
      throw new IllegalArgumentException(
          "fang-krum needs n - 2f - 1 >= 1 and n - f - 2 >= 1; got n=" + n + ", f=" + c);
    }
  }

  /** Fang et al.'s upper bound λ₀ for these honest gradients with c attackers. */
  static double upperBound(float[][] rows, int c) {
    return upperBound(rows, Distances.pairwiseSquared(rows), c);
  }

  private static double upperBound(float[][] rows, double[][] squared, int c) {
    int h = rows.length;
    int n = h + c;
    int d = rows[0].length;
    double best = Double.POSITIVE_INFINITY;
    double farthest = 0;
    double[] zero = new double[d];
    for (int i = 0; i < h; i++) {
      double[] others = new double[h - 1];
      for (int k = 0, m = 0; k < h; k++) {
        if (k != i) {
          others[m++] = Math.sqrt(squared[i][k]);
        }
      }
      Arrays.sort(others);
      double sum = 0;
      for (int m = 0; m < n - c - 2; m++) {
        sum += others[m];
      }
      best = Math.min(best, sum);
      farthest = Math.max(farthest, Math.sqrt(Distances.squared(zero, rows[i])));
    }
    double root = Math.sqrt(d);
    return best / ((n - 2 * c - 1) * root) + farthest / root;
  }

  /**
   * The scale λ: λ₀ halved until Krum selects the attackers' report −λ·s (s = sign(μ)), or the last
   * one tried above the threshold.
   */
  static double lambda(float[][] rows, double[] s, int c) {
    int h = rows.length;
    double[][] squared = Distances.pairwiseSquared(rows);
    double[] dot = new double[h];
    double[] norm = new double[h];
    double[] zero = new double[s.length];
    for (int i = 0; i < h; i++) {
      dot[i] = Distances.dot(s, rows[i]);
      norm[i] = Distances.squared(zero, rows[i]);
    }
    double ss = Distances.dot(s, s);
    double lambda = upperBound(rows, squared, c);
    double tried = lambda;
    while (lambda > THRESHOLD) {
      tried = lambda;
      double[] e = new double[h];
      for (int i = 0; i < h; i++) {
        // ‖−λs − g_i‖² = λ²‖s‖² + 2λ s·g_i + ‖g_i‖²
        e[i] = lambda * lambda * ss + 2 * lambda * dot[i] + norm[i];
      }
      if (krumSelectsAttackers(squared, e, c)) {
        return lambda;
      }
      lambda /= 2;
    }
    return tried;
  }

  /**
   * Whether Krum (f = c, score over the n − c − 2 nearest) picks one of c identical reports, given
   * the honest squared distances and e_i, the squared distance from the report to g_i.
   */
  static boolean krumSelectsAttackers(double[][] squared, double[] e, int c) {
    int h = e.length;
    int nearest = h + c - c - 2;
    double[] toReport = new double[h + c - 1];
    for (int i = 0; i < h; i++) {
      toReport[i] = e[i];
    }
    // the other c − 1 identical reports are at distance 0
    double attackers = smallestSum(toReport, nearest);
    for (int i = 0; i < h; i++) {
      double[] row = new double[h - 1 + c];
      for (int k = 0, m = 0; k < h; k++) {
        if (k != i) {
          row[m++] = squared[i][k];
        }
      }
      for (int m = 0; m < c; m++) {
        row[h - 1 + m] = e[i];
      }
      if (smallestSum(row, nearest) < attackers) {
        return false;
      }
    }
    return true;
  }

  private static double smallestSum(double[] values, int count) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double sum = 0;
    for (int m = 0; m < count; m++) {
      sum += sorted[m];
    }
    return sum;
  }

  /** The report at the searched λ; the step's other workers reuse the λ (it ignores the worker). */
  @Override
  public synchronized float[] corrupt(float[] honest, FaultContext context) {
    feasible(context.workers(), context.faulty());
    if (searched.get() != context.honest()) {
      double[] s = Distances.sign(context.honest().mean());
      searchedLambda = lambda(context.honestGradients(), s, context.faulty());
      searched = new WeakReference<>(context.honest());
    }
    return corruptAt(searchedLambda, honest, context);
  }

  @Override
  public float[] corruptAt(double scale, float[] honest, FaultContext context) {
    double[] mean = context.honest().mean();
    float[] out = new float[mean.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (-scale * Math.signum(mean[j]));
    }
    return out;
  }

  @Override
  public String family() {
    return "fang-krum";
  }

  @Override
  public String toString() {
    return family();
  }
}
