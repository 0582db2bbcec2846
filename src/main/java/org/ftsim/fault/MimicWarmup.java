package org.ftsim.fault;

import java.util.List;

/**
 * {@code mimic-warmup[:warmup=W]}, the bucketing code's mimic ({@code MimicVariantAttacker}): for
 * its first W attacking steps the attacker tracks the direction z of largest spread of the honest
 * gradients and copies the honest worker i maximising g_i·z; from then on it copies that worker,
 * chosen once. Today's {@code mimic} copies a fixed worker from the start.
 *
 * <p>First step: μ = mean, z ~ N(0, I) from the context's generator, then z = Σ_i ((g_i − μ)·z)
 * (g_i − μ), normalised (one power iteration). Steps t = 1 … W − 1: μ = t/(t+1)·μ + mean/(t+1); z =
 * t/(t+1)·z + (Σ_i ((g_i − μ)·z)(g_i − μ))/‖·‖/(t+1), normalised. A step counts once whichever
 * workers share the instance (the reference's coordinator); ties go to the lowest worker.
 *
 * <p>State: this fault keeps μ, z, the step count and the target across steps ({@link #state()}),
 * saved exactly in checkpoints, so a resumed run goes on with them as the uninterrupted run does.
 *
 * <p>Parameter {@code warmup} (W): an integer ≥ 1; default {@value #DEFAULT_WARMUP} (the code's).
 *
 * <p>Karimireddy, S. P., He, L. and Jaggi, M. (2022), "Byzantine-Robust Learning on Heterogeneous
 * Datasets via Bucketing", ICLR 2022; epfml/byzantine-robust-noniid-optimizer {@code
 * codes/attacks/mimic.py}.
 */
public final class MimicWarmup implements Fault {

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }

  /** The reference's {@code --mimic-warmup} default. */
  public static final int DEFAULT_WARMUP = 1;

  private final int warmup;
  private long lastStep = Long.MIN_VALUE;
  private int t;
  private double[] mu;
  private double[] z;
  private int target = -1;

  /** Tracks for {@code warmup} attacking steps, then copies the worker chosen last. */
  public MimicWarmup(int warmup) {
    if (warmup < 1) {
      throw new IllegalArgumentException("mimic-warmup warmup must be >= 1; got " + warmup);
    }
    this.warmup = warmup;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    if (honestWorkers.length < 1) {
      throw new IllegalArgumentException("mimic-warmup needs at least 1 honest worker; got 0");
    }
  }

  @Override
  public synchronized float[] corrupt(float[] honest, FaultContext context) {
    HonestGradients rows = context.honest();
    if (context.step() != lastStep) {
      lastStep = context.step();
      advance(rows, context);
    }
    return rows.ofWorker(target).clone();
  }

  /** The last step, the attacking steps so far, the target; μ and z once the warm-up began. */
  @Override
  public synchronized FaultState state() {
    List<double[]> vectors = mu == null ? List.of() : List.of(mu.clone(), z.clone());
    return new FaultState(new long[] {lastStep, t, target}, vectors);
  }

  @Override
  public synchronized void restore(FaultState state) {
    long[] c = state.counters();
    List<double[]> v = state.vectors();
    if (c.length != 3 || (v.size() != 0 && v.size() != 2)) {
      throw new IllegalArgumentException("not a mimic-warmup state");
    }
    lastStep = c[0];
    t = Math.toIntExact(c[1]);
    target = Math.toIntExact(c[2]);
    mu = v.isEmpty() ? null : v.get(0).clone();
    z = v.isEmpty() ? null : v.get(1).clone();
  }

  private void advance(HonestGradients rows, FaultContext context) {
    if (t < warmup) {
      double[] mean = rows.mean();
      if (t == 0) {
        mu = mean.clone();
        StandardNormal normal = new StandardNormal(context.random());
        z = new double[mean.length];
        for (int j = 0; j < z.length; j++) {
          z[j] = normal.next();
        }
        z = normalised(spread(rows.rows(), mu, z));
      } else {
        double keep = t / (1.0 + t);
        for (int j = 0; j < mu.length; j++) {
          mu[j] = keep * mu[j] + mean[j] / (1 + t);
        }
        double[] step = normalised(spread(rows.rows(), mu, z));
        for (int j = 0; j < z.length; j++) {
          z[j] = keep * z[j] + step[j] / (1 + t);
        }
        z = normalised(z);
      }
      target = rows.workers()[argmax(rows.rows(), z)];
    }
    t++;
  }

  /** Σ_i ((g_i − μ)·z)(g_i − μ). */
  private static double[] spread(float[][] rows, double[] mu, double[] z) {
    double[] sum = new double[mu.length];
    for (float[] g : rows) {
      double w = 0;
      for (int j = 0; j < mu.length; j++) {
        w += (g[j] - mu[j]) * z[j];
      }
      for (int j = 0; j < mu.length; j++) {
        sum[j] += w * (g[j] - mu[j]);
      }
    }
    return sum;
  }

  private static double[] normalised(double[] v) {
    double norm = Math.sqrt(Distances.dot(v, v));
    double[] out = new double[v.length];
    for (int j = 0; j < v.length; j++) {
      out[j] = norm > 0 ? v[j] / norm : 0;
    }
    return out;
  }

  private static int argmax(float[][] rows, double[] z) {
    int best = 0;
    double value = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < rows.length; i++) {
      double d = Distances.dot(z, rows[i]);
      if (d > value) {
        value = d;
        best = i;
      }
    }
    return best;
  }

  @Override
  public String toString() {
    return "mimic-warmup:warmup=" + warmup;
  }
}
