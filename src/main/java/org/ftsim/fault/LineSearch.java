package org.ftsim.fault;

import java.lang.ref.WeakReference;
import java.util.SplittableRandom;

/**
 * {@code optimal:FAULT}: a {@link Scalable} fault whose scale τ is chosen at every step to maximise
 * the distance of the actual defense's output from the honest mean,
 *
 * <pre>
 * φ(τ) = ‖D(g_1, …, g_h, b_τ, …, b_τ) − μ‖,   b_τ = FAULT at scale τ, f copies,
 * </pre>
 *
 * D the run's pre-aggregators and rule ({@link FaultContext#defense()}, which leaves the defense's
 * carried state untouched), the honest gradients first as in ByzFL. The search is ByzFL's ({@code
 * Optimal_InnerProductManipulation}, {@code Optimal_ALittleIsEnough}): {@value #EVALS} evaluations
 * of φ from τ = {@value #START}; expansion: while τ + δ improves, accept it and double δ (from
 * {@value #DELTA}), else shrink δ by {@value #RATIO} and stop; contraction: with the evaluations
 * left, try τ + δ, accept it if it improves, shrink δ by {@value #RATIO}. Improvement is strict; a
 * NaN distance never improves.
 *
 * <p>A random FAULT replays one stream for every τ (its seed is the first draw of the context's
 * generator), so that φ compares scales, not draws. The f copies stand for every faulty worker,
 * misbehaving or not at this step.
 *
 * <p>Allouah, Y., Farhadkhani, S., Guerraoui, R., Gupta, N., Pinot, R. and Stephan, J. (2023),
 * "Fixing by Mixing: A Recipe for Optimal Byzantine ML under Heterogeneity", AISTATS 2023; ByzFL's
 * {@code byzfl/attacks/attacks.py}.
 */
public final class LineSearch implements Fault {

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return attack.needsOwnGradient();
  }

  /** ByzFL's {@code evals}. */
  public static final int EVALS = 20;

  /** ByzFL's {@code start}. */
  public static final double START = 0.0;

  /** ByzFL's {@code delta}. */
  public static final double DELTA = 10.0;

  /** ByzFL's {@code ratio}. */
  public static final double RATIO = 0.8;

  private final Scalable attack;
  private WeakReference<HonestGradients> searched = new WeakReference<>(null);
  private double searchedScale;

  /** Chooses {@code attack}'s scale per step against the defense. */
  public LineSearch(Scalable attack) {
    this.attack = attack;
  }

  /** The wrapped attack. */
  public Scalable attack() {
    return attack;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    attack.checkFeasible(workers, honestWorkers);
  }

  /** ByzFL's expansion and contraction over φ; returns the best τ. */
  static double search(java.util.function.DoubleUnaryOperator phi) {
    double bestX = START;
    double bestY = phi.applyAsDouble(bestX);
    double delta = DELTA;
    int remaining = EVALS - 1;
    while (remaining > 0) {
      double x = bestX + delta;
      double y = phi.applyAsDouble(x);
      remaining--;
      if (y > bestY) {
        bestX = x;
        bestY = y;
        delta *= 2;
      } else {
        delta *= RATIO;
        break;
      }
    }
    while (remaining > 0) {
      double x = bestX + delta;
      double y = phi.applyAsDouble(x);
      remaining--;
      if (y > bestY) {
        bestX = x;
        bestY = y;
      }
      delta *= RATIO;
    }
    return bestX;
  }

  private double distance(double tau, float[] honest, FaultContext context, long seed) {
    float[] candidate =
        attack.corruptAt(tau, honest, context.withRandom(new SplittableRandom(seed)));
    float[][] rows = context.honestGradients();
    int f = context.faulty();
    float[][] reports = new float[rows.length + f][];
    boolean[] faulty = new boolean[reports.length];
    System.arraycopy(rows, 0, reports, 0, rows.length);
    for (int k = rows.length; k < reports.length; k++) {
      reports[k] = candidate;
      faulty[k] = true;
    }
    float[] aggregate = context.defense().aggregate(reports, faulty);
    return Math.sqrt(Distances.squared(context.honest().mean(), aggregate));
  }

  /**
   * The report at the searched scale. When the attack does not depend on the worker, the scale
   * found for the step's first worker serves its other workers (the same search would find the same
   * scale): one search per step, not one per faulty worker.
   */
  @Override
  public synchronized float[] corrupt(float[] honest, FaultContext context) {
    long seed = context.random().nextLong();
    double tau;
    if (!attack.dependsOnWorker() && searched.get() == context.honest()) {
      tau = searchedScale;
    } else {
      tau = search(t -> distance(t, honest, context, seed));
      searched = new WeakReference<>(context.honest());
      searchedScale = tau;
    }
    return attack.corruptAt(tau, honest, context.withRandom(new SplittableRandom(seed)));
  }

  @Override
  public String toString() {
    return "optimal:" + attack.family();
  }
}
