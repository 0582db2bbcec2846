package org.ftsim.aggregation;

/**
 * The geometric median argmin_z Σ_i ‖z − x_i‖, approximated by the smoothed Weiszfeld algorithm:
 * z_{t+1} = Σ_i β_i x_i / Σ_i β_i with β_i = 1 / max(ν, ‖z_t − x_i‖), from z_0 = the mean of the
 * finite rows, for T iterations, or fewer with a tolerance ε > 0: it stops after the first
 * iteration whose objective F(z) = Σ_i ‖z − x_i‖ over the finite rows changed by at most ε·F
 * (Blades' {@code GeoMed} ftol test); ε = 0, the default, always runs T.
 *
 * <p>Iterations run on the coefficients of z in the span of the rows, with distances from the
 * pairwise distance matrix ({@link CombinationDistances}), so each costs O(n²) and many are
 * affordable. Precondition n > 2f (breakdown point ½). Non-finite rows get weight 0. k is the
 * number of rows with positive weight (the finite ones); a row's discarded share is 1 − β_i / max_j
 * β_j, its score its distance to the median. Pillutla, Kakade, Harchaoui, "Robust aggregation for
 * federated learning", IEEE TSP 2022 (RFA; ν = 10⁻⁶ as there); Weiszfeld, Tohoku Math. J. 1937.
 */
public final class GeometricMedian implements Aggregator, RowSelection {

  /** ν, the smoothing that keeps the weights bounded when z meets a row. */
  public static final double DEFAULT_SMOOTHING = 1e-6;

  /** T, the Weiszfeld iterations; each is O(n²), independent of d. */
  public static final int DEFAULT_ITERATIONS = 100;

  /** ε, the relative change of the objective that stops the iterations; 0 never stops early. */
  public static final double DEFAULT_TOLERANCE = 0;

  private final int tolerated;
  private final double smoothing;
  private final int iterations;
  private final double tolerance;

  /** The geometric median for f = {@code tolerated}, with ν = smoothing and T = iterations. */
  public GeometricMedian(int tolerated, double smoothing, int iterations) {
    this(tolerated, smoothing, iterations, DEFAULT_TOLERANCE);
  }

  /** As {@link #GeometricMedian(int, double, int)}, stopping early at relative change ε. */
  public GeometricMedian(int tolerated, double smoothing, int iterations, double tolerance) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
    if (!(smoothing > 0) || !Double.isFinite(smoothing)) {
      throw new IllegalArgumentException("geomed nu must be finite and > 0; got " + smoothing);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("geomed iters must be >= 1; got " + iterations);
    }
    if (!(tolerance >= 0) || !Double.isFinite(tolerance)) {
      throw new IllegalArgumentException("geomed tol must be finite and >= 0; got " + tolerance);
    }
    this.smoothing = smoothing;
    this.iterations = iterations;
    this.tolerance = tolerance;
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("geomed", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    PairwiseDistances.Result distances = PairwiseDistances.of(gradients);
    return plan(distances.squared(), distances.far()).apply(gradients);
  }

  @Override
  public BlockCombination plan(double[][] squared, boolean[] far) {
    int n = squared.length;
    checkFeasible(n);
    int finite = n - Rows.count(far);
    if (finite == 0) {
      return new BlockCombination.Weighted(null, n, null);
    }
    double[] a = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = far[i] ? 0 : 1.0 / finite;
    }
    double objective = Double.NaN;
    for (int t = 0; t < iterations; t++) {
      double[] dist = CombinationDistances.distances(squared, far, a);
      if (tolerance > 0) {
        // dist is measured from the previous iterate: F of z_t, compared with F of z_{t-1}.
        double previous = objective;
        objective = 0;
        for (int i = 0; i < n; i++) {
          objective += far[i] ? 0 : dist[i];
        }
        if (t >= 1 && Math.abs(previous - objective) <= tolerance * objective) {
          break;
        }
      }
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (!far[i]) {
          a[i] = 1.0 / Math.max(smoothing, dist[i]);
          total += a[i];
        }
      }
      for (int i = 0; i < n; i++) {
        a[i] /= total;
      }
    }
    // The score: each row's distance to the returned median (+∞ for a non-finite row).
    double[] toMedian = CombinationDistances.distances(squared, far, a);
    for (int i = 0; i < n; i++) {
      toMedian[i] = far[i] ? Double.POSITIVE_INFINITY : toMedian[i];
    }
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      used[i] = !far[i];
    }
    return new BlockCombination.Weighted(
        a, finite, used, Aggregation.discardedByWeight(a), toMedian);
  }

  @Override
  public String toString() {
    return "geomed:nu="
        + smoothing
        + ",iters="
        + iterations
        + (tolerance == DEFAULT_TOLERANCE ? "" : ",tol=" + tolerance);
  }
}
