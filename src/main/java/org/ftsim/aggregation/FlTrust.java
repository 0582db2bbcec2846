package org.ftsim.aggregation;

import java.util.stream.IntStream;
import org.ftsim.linalg.Vectors;

/**
 * FLTrust: the server's own gradient g_0, computed on a small trusted root dataset, scores every
 * report by its direction and fixes its length: TS_i = max(0, cos(x_i, g_0)), x̂_i = (‖g_0‖ /
 * ‖x_i‖) x_i, and the aggregate is Σ_i TS_i x̂_i / Σ_i TS_i.
 *
 * <p>The cosine divides by max(‖x_i‖ ‖g_0‖, 10⁻⁶), as Blades' (torch's CosineSimilarity, eps =
 * 10⁻⁶). A report with a non-finite coordinate, or pointing away from g_0, gets TS = 0 and is not
 * used; when no report has TS > 0 the aggregate is 0 (no update; Blades would divide by zero). k is
 * the number of reports with TS > 0. The aggregate is a convex combination of vectors of norm
 * ‖g_0‖, so its norm never exceeds ‖g_0‖, whatever the reports.
 *
 * <p>The rule has no precondition on n and f (the root of trust replaces an honest majority); the
 * declared f is only {@link #tolerated()}. In a run, {@code -df fltrust} needs {@code
 * --root-samples N}: the driver computes g_0 at each step on those N training samples ({@code
 * driver.RootGradient}) and passes it through {@link #aggregate(float[][], float[])}; {@link
 * #aggregate(float[][])} alone refuses. Cao, Fang, Liu, Gong, "FLTrust: Byzantine-robust federated
 * learning via trust bootstrapping", NDSS 2021; Blades' {@code Fltrust}.
 */
public final class FlTrust implements Aggregator {

  /** The floor of the cosine's denominator. */
  static final double EPSILON = 1e-6;

  private final int tolerated;

  /** FLTrust declared for f = 0. */
  public FlTrust() {
    this(0);
  }

  /** FLTrust declared for f = {@code tolerated} (any f: the rule has no precondition on it). */
  public FlTrust(int tolerated) {
    this.tolerated = Feasibility.nonNegative("f", tolerated);
  }

  @Override
  public boolean needsRoot() {
    return true;
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  /** Refuses: FLTrust scores the reports against a root gradient ({@code --root-samples}). */
  @Override
  public Aggregation aggregate(float[][] gradients) {
    return aggregate(gradients, null);
  }

  /** Aggregates the reports against the root gradient {@code root} (of the same length). */
  @Override
  public Aggregation aggregate(float[][] gradients, float[] root) {
    int d = Rows.requireMatrix(gradients);
    if (root == null || root.length != d) {
      throw new IllegalArgumentException(
          "fltrust needs the server's root gradient (--root-samples) of length "
              + d
              + "; got "
              + (root == null ? "none" : String.valueOf(root.length)));
    }
    if (!Vectors.allFinite(root)) {
      throw new IllegalArgumentException("fltrust's root gradient is not finite");
    }
    int n = gradients.length;
    double rootNorm = Vectors.norm(root);
    double[] trust = new double[n];
    double[] norms = new double[n];
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              double norm = Vectors.norm(gradients[i]);
              double cos = Vectors.dot(gradients[i], root) / Math.max(norm * rootNorm, EPSILON);
              norms[i] = norm;
              // NaN (a non-finite report) fails the comparison and keeps trust 0.
              trust[i] = cos > 0 && Double.isFinite(norm) ? cos : 0;
            });
    double total = 0;
    for (double t : trust) {
      total += t;
    }
    double[] weights = new double[n];
    int trusted = 0;
    for (int i = 0; i < n; i++) {
      trusted += trust[i] > 0 ? 1 : 0;
      weights[i] = trust[i] > 0 ? trust[i] / total * rootNorm / norms[i] : 0;
    }
    // Discarded: 1 − TS_i / max_j TS_j (the length normalisation discards nothing).
    return Aggregation.weighted(Rows.combine(gradients, weights), trusted, trust, null);
  }

  @Override
  public String toString() {
    return "fltrust";
  }
}
