package org.ftsim.aggregation;

/**
 * Centered clipping: from v_0, iterate v_{l+1} = v_l + (1/n) Σ_i (x_i − v_l) min(1, τ / ‖x_i −
 * v_l‖) for L iterations and return v_L.
 *
 * <p>v_0 is the previous aggregate of this instance (the previous step's result), as in the paper.
 * The first step, and the first after {@link #reset()} or a change of d, starts from the
 * coordinate-wise median of the inputs (a robust centre; the authors' code starts from zero, which
 * lets up to f·τ/n of Byzantine displacement into the first step). This rule therefore carries
 * state: use one instance per run, from one thread.
 *
 * <p>Precondition n > 2f. A non-finite row contributes nothing (as if it had reported v_l): its
 * direction is undefined. Iterations run on the coefficients of v in the span of the rows and v_0
 * ({@link CombinationDistances}), so L costs O(n²) each. k is the number of finite rows, all used;
 * a row's discarded share is 1 − its clipping factor min(1, τ/‖x_i − v_{L−1}‖) in the last
 * iteration, its score that distance. Karimireddy, He, Jaggi, "Learning from history for Byzantine
 * robust optimization", ICML 2021; defaults τ = 10 and L = 5 as in the Blades implementation of the
 * authors' code.
 */
public final class CenteredClipping implements Aggregator, RowSelection {

  /** τ, the clipping radius around the centre. */
  public static final double DEFAULT_RADIUS = 10;

  /** L, the clipping iterations per step. */
  public static final int DEFAULT_ITERATIONS = 5;

  /** p, the power of 1/(1 − β) that scales τ (1: linear). */
  public static final double DEFAULT_POWER = 1;

  private final int tolerated;
  private final double baseRadius;
  private final double clipRadius;
  private final int iterations;
  private final boolean zeroStart;
  private final double momentum;
  private final double power;
  private float[] centre;

  /** Centered clipping for f = {@code tolerated}, τ = clipRadius, L = iterations. */
  public CenteredClipping(int tolerated, double clipRadius, int iterations) {
    this(tolerated, clipRadius, iterations, false, 0, DEFAULT_POWER);
  }

  /**
   * Centered clipping whose first centre is 0 when {@code zeroStart} (else the median), with radius
   * τ/(1 − β)^p for β = momentum in [0, 1) and p = power ≥ 0.
   */
  public CenteredClipping(
      int tolerated,
      double clipRadius,
      int iterations,
      boolean zeroStart,
      double momentum,
      double power) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
    if (!(clipRadius > 0) || !Double.isFinite(clipRadius)) {
      throw new IllegalArgumentException("cclip tau must be finite and > 0; got " + clipRadius);
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("cclip iters must be >= 1; got " + iterations);
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new IllegalArgumentException("cclip momentum must be in [0, 1); got " + momentum);
    }
    if (!(power >= 0) || !Double.isFinite(power)) {
      throw new IllegalArgumentException("cclip power must be finite and >= 0; got " + power);
    }
    this.baseRadius = clipRadius;
    this.clipRadius = momentum == 0 ? clipRadius : clipRadius / Math.pow(1 - momentum, power);
    this.iterations = iterations;
    this.zeroStart = zeroStart;
    this.momentum = momentum;
    this.power = power;
  }

  /** The radius in use, τ/(1 − β)^p. */
  public double clipRadius() {
    return clipRadius;
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("cclip", n, tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public void reset() {
    centre = null;
  }

  @Override
  public CarriedState state() {
    return new CarriedState(0, centre == null ? null : centre.clone());
  }

  @Override
  public void restore(CarriedState state) {
    centre = state.vector() == null ? null : state.vector().clone();
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    int d = Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    if (centre == null || centre.length != d) {
      centre = zeroStart ? new float[d] : startingCentre(gradients);
    }
    float[][] points = java.util.Arrays.copyOf(gradients, n + 1);
    points[n] = centre;
    PairwiseDistances.Result distances = PairwiseDistances.of(points);
    Aggregation a = plan(distances.squared(), distances.far()).apply(points);
    centre = a.gradient().clone();
    return a;
  }

  @Override
  public Anchor anchor(int d) {
    if (centre != null && centre.length == d) {
      return new Anchor(centre, false);
    }
    return zeroStart ? new Anchor(new float[d], false) : new Anchor(null, true);
  }

  @Override
  public void completed(float[] aggregate) {
    centre = aggregate.clone();
  }

  /**
   * The weights of the n rows and the centre (row n) in v_L, from the squared distances of the n +
   * 1 points; each iteration runs on the coefficients ({@link CombinationDistances}).
   */
  @Override
  public BlockCombination plan(double[][] squared, boolean[] far) {
    int n = squared.length - 1;
    checkFeasible(n);
    double[] a = new double[n + 1];
    a[n] = 1;
    double[] clip = new double[n];
    double[] dist = new double[n + 1];
    for (int l = 0; l < iterations; l++) {
      dist = CombinationDistances.distances(squared, far, a);
      clip = new double[n];
      double total = 0;
      for (int i = 0; i < n; i++) {
        if (!far[i] && !far[n]) {
          clip[i] = dist[i] <= clipRadius ? 1 : clipRadius / dist[i];
          total += clip[i];
        }
      }
      double keep = 1 - total / n;
      for (int k = 0; k <= n; k++) {
        a[k] *= keep;
      }
      for (int i = 0; i < n; i++) {
        a[i] += clip[i] / n;
      }
    }
    // The last iteration's clipping factors and distances to its centre v_{L−1}: what the rule
    // saw of each row (rule_suspicion 1 − factor, rule_score the distance).
    double[] scores = new double[n];
    double[] discarded = new double[n];
    for (int i = 0; i < n; i++) {
      scores[i] = far[i] || Double.isNaN(dist[i]) ? Double.POSITIVE_INFINITY : dist[i];
      discarded[i] = 1 - Math.min(1, Math.max(0, clip[i]));
    }
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      used[i] = !far[i];
    }
    return new BlockCombination.Weighted(a, Rows.count(used), used, discarded, scores);
  }

  /**
   * The coordinate-wise median, with any non-finite coordinate (more than f bad) set to 0: the
   * first centre; coordinate by coordinate, so a block of the rows gives that block of it.
   */
  static float[] startingCentre(float[][] gradients) {
    float[] m = new CoordinateMedian(0).aggregate(gradients).gradient();
    for (int j = 0; j < m.length; j++) {
      if (!Float.isFinite(m[j])) {
        m[j] = 0;
      }
    }
    return m;
  }

  @Override
  public String toString() {
    String options =
        (zeroStart ? ",zero=1" : "")
            + (momentum == 0 ? "" : ",momentum=" + momentum + ",power=" + power);
    return "cclip:tau=" + baseRadius + ",iters=" + iterations + options;
  }
}
