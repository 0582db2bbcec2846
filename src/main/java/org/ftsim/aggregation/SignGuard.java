package org.ftsim.aggregation;

/**
 * SignGuard: clip every row to the median norm M, keep the rows whose norm lies in [0.1 M, 3 M]
 * (S1) and that fall in the larger of two k-means clusters of their sign statistics (S2), and
 * average the clipped rows of S1 ∩ S2.
 *
 * <p>A row's sign statistics are the fractions of its coordinates that are positive, negative and
 * zero. The two clusters come from Lloyd's k-means started at the two farthest-apart statistics
 * (Blades uses scikit-learn's k-means++ with random_state 0); equal-sized clusters go to the one
 * holding row 0. Rows with a non-finite coordinate are never kept (their norm counts as +∞ in the
 * median). If S1 ∩ S2 is empty, S1 is averaged. Stateless. The rule has no parameter f; the
 * declared f only sets the precondition n > 2f, under which the median norm is an honest one. k is
 * the number of rows averaged; a row's discarded share is 1 when it is left out, else 1 − its
 * clipping factor min(1, M/‖x_i‖). Xu, Zhang, Li, Xu, "SignGuard: Byzantine-robust federated
 * learning through collaborative malicious gradient filtering", ICDCS 2022; as Blades' {@code
 * Signguard} (bounds 0.1 and 3.0, all coordinates).
 */
public final class SignGuard implements Aggregator {

  /** The norm band [LOWER · M, UPPER · M] of S1. */
  static final double LOWER = 0.1;

  static final double UPPER = 3.0;

  /** Lloyd iterations at most (they stop when no assignment changes). */
  static final int MAX_ITERATIONS = 100;

  private final int tolerated;

  /** SignGuard checked for f = {@code tolerated} (n > 2f). */
  public SignGuard(int tolerated) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("signguard", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    int d = Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    // One pass per row (rows in parallel): its norm and its sign fractions.
    double[] norms = new double[n];
    double[][] features = new double[n][];
    java.util.stream.IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double[] stats = statistics(gradients[i], d);
              norms[i] = stats[3];
              features[i] = java.util.Arrays.copyOf(stats, 3);
            });
    double median = NormClipping.median(norms);
    boolean[] band = new boolean[n];
    for (int i = 0; i < n; i++) {
      double clipped = Math.min(norms[i], median);
      band[i] =
          norms[i] < Double.POSITIVE_INFINITY
              && clipped >= LOWER * median
              && clipped <= UPPER * median;
    }
    boolean[] cluster = NormClipping.larger(twoMeans(features));
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      used[i] = band[i] && cluster[i];
    }
    if (Rows.count(used) == 0) {
      used = band;
    }
    if (Rows.count(used) == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    return Aggregation.clipped(
        NormClipping.clippedMean(gradients, norms, median, used),
        Rows.count(used),
        NormClipping.factors(norms, median, used),
        null);
  }

  /**
   * The fractions of positive, negative and zero coordinates (NaN counts in none), then the norm
   * (+∞ for a row with a non-finite coordinate).
   */
  static double[] statistics(float[] row, int d) {
    int positive = 0;
    int negative = 0;
    int zero = 0;
    double s0 = 0;
    double s1 = 0;
    int j = 0;
    for (; j + 1 < row.length; j += 2) {
      float a = row[j];
      float b = row[j + 1];
      s0 += (double) a * a;
      s1 += (double) b * b;
      positive += (a > 0 ? 1 : 0) + (b > 0 ? 1 : 0);
      negative += (a < 0 ? 1 : 0) + (b < 0 ? 1 : 0);
      zero += (a == 0 ? 1 : 0) + (b == 0 ? 1 : 0);
    }
    for (; j < row.length; j++) {
      float a = row[j];
      s0 += (double) a * a;
      positive += a > 0 ? 1 : 0;
      negative += a < 0 ? 1 : 0;
      zero += a == 0 ? 1 : 0;
    }
    double norm = Math.sqrt(s0 + s1);
    double scale = d == 0 ? 0 : 1.0 / d;
    return new double[] {
      positive * scale,
      negative * scale,
      zero * scale,
      Double.isFinite(norm) ? norm : Double.POSITIVE_INFINITY
    };
  }

  /**
   * Labels (0, 1) of Lloyd's 2-means, started at the two points farthest apart (lowest indices
   * among equals); all 0 when every point is the same. A point equally near both centres goes to 0.
   */
  static int[] twoMeans(double[][] points) {
    int n = points.length;
    int[] labels = new int[n];
    int first = 0;
    int second = 0;
    double widest = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s = squared(points[i], points[j]);
        if (s > widest) {
          widest = s;
          first = i;
          second = j;
        }
      }
    }
    if (widest == 0) {
      return labels;
    }
    double[][] centres = {points[first].clone(), points[second].clone()};
    for (int t = 0; t < MAX_ITERATIONS; t++) {
      boolean changed = t == 0;
      for (int i = 0; i < n; i++) {
        int l = squared(points[i], centres[1]) < squared(points[i], centres[0]) ? 1 : 0;
        changed |= l != labels[i];
        labels[i] = l;
      }
      if (!changed) {
        break;
      }
      for (int c = 0; c < 2; c++) {
        double[] sum = new double[points[0].length];
        int count = 0;
        for (int i = 0; i < n; i++) {
          if (labels[i] == c) {
            count++;
            for (int k = 0; k < sum.length; k++) {
              sum[k] += points[i][k];
            }
          }
        }
        if (count > 0) {
          for (int k = 0; k < sum.length; k++) {
            centres[c][k] = sum[k] / count;
          }
        }
      }
    }
    return labels;
  }

  private static double squared(double[] a, double[] b) {
    double s = 0;
    for (int k = 0; k < a.length; k++) {
      s += (a[k] - b[k]) * (a[k] - b[k]);
    }
    return s;
  }

  @Override
  public String toString() {
    return "signguard";
  }
}
