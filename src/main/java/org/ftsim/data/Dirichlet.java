package org.ftsim.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Dirichlet label skew ({@code --partition dirichlet:alpha}; Hsu, Qi and Brown, 2019, as ByzFL's
 * {@code dirichlet_niid}): for each class k, proportions p_k ~ Dir(α, …, α) over the n workers, and
 * the class's samples (in a seeded random order) are cut at ⌊N_k·(p_k1 + … + p_kj)⌋, worker j
 * taking the j-th piece. Small α gives each worker few classes; large α approaches equal shares.
 *
 * <p>A worker must hold at least its sub-batch size: a draw that leaves one short is redrawn from
 * the same seeded stream (NIID-Bench's minimum size), at most {@value #MAX_DRAWS} times.
 */
public final class Dirichlet implements Partitioner {

  /** Draws tried before giving up on giving every worker a full sub-batch. */
  public static final int MAX_DRAWS = 10_000;

  private final double alpha;

  /** The partition with concentration {@code alpha} > 0. */
  public Dirichlet(double alpha) {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw new IllegalArgumentException("alpha must be a finite number > 0; got " + alpha);
    }
    this.alpha = alpha;
  }

  @Override
  public BatchPlan plan(Dataset train, int globalBatch, int workers, long seed) {
    SplittableRandom random = Seeds.random(seed, Seeds.PARTITION, 0);
    int classes = train.classes();
    int[] count = new int[classes];
    for (int i = 0; i < train.size(); i++) {
      count[train.label(i)]++;
    }
    int[][] byClass = new int[classes][];
    int[] filled = new int[classes];
    for (int k = 0; k < classes; k++) {
      byClass[k] = new int[count[k]];
    }
    for (int i = 0; i < train.size(); i++) {
      int k = train.label(i);
      byClass[k][filled[k]++] = i;
    }
    for (int[] members : byClass) {
      BatchPlan.shuffle(members, random);
    }
    int[][] cuts = new int[classes][workers + 1];
    int[] sizes = new int[workers];
    for (int draw = 0; draw < MAX_DRAWS; draw++) {
      Arrays.fill(sizes, 0);
      for (int k = 0; k < classes; k++) {
        double[] p = sample(random, workers);
        double cumulative = 0;
        for (int j = 1; j < workers; j++) {
          cumulative += p[j - 1];
          cuts[k][j] = (int) Math.min(count[k], Math.floor(cumulative * count[k]));
        }
        cuts[k][workers] = count[k];
        for (int j = 0; j < workers; j++) {
          sizes[j] += cuts[k][j + 1] - cuts[k][j];
        }
      }
      if (largeEnough(sizes, globalBatch)) {
        int[][] pools = new int[workers][];
        for (int j = 0; j < workers; j++) {
          pools[j] = new int[sizes[j]];
          int at = 0;
          for (int k = 0; k < classes; k++) {
            int length = cuts[k][j + 1] - cuts[k][j];
            System.arraycopy(byClass[k], cuts[k][j], pools[j], at, length);
            at += length;
          }
        }
        return BatchPlan.pooled(pools, globalBatch, seed);
      }
    }
    throw new IllegalArgumentException(
        "no draw of "
            + MAX_DRAWS
            + " gave each of the "
            + workers
            + " workers a full sub-batch ("
            + (globalBatch + workers - 1) / workers
            + " samples); use a larger alpha or a smaller global batch");
  }

  private static boolean largeEnough(int[] sizes, int globalBatch) {
    int n = sizes.length;
    for (int w = 0; w < n; w++) {
      if (sizes[w] < globalBatch / n + (w < globalBatch % n ? 1 : 0)) {
        return false;
      }
    }
    return true;
  }

  /** One draw of Dir(α, …, α) in n dimensions, through log-Gamma variates (stable for tiny α). */
  private double[] sample(SplittableRandom random, int n) {
    double[] log = new double[n];
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      log[j] = logGamma(random, alpha);
      max = Math.max(max, log[j]);
    }
    double sum = 0;
    double[] p = new double[n];
    for (int j = 0; j < n; j++) {
      p[j] = Math.exp(log[j] - max);
      sum += p[j];
    }
    for (int j = 0; j < n; j++) {
      p[j] /= sum;
    }
    return p;
  }

  /**
   * The logarithm of a Gamma(shape, 1) variate: Marsaglia and Tsang (2000) for shape ≥ 1; for shape
   * < 1, Gamma(shape + 1)·U^(1/shape), in logs.
   */
  static double logGamma(SplittableRandom random, double shape) {
    if (shape < 1) {
      double u = 1 - random.nextDouble(); // in (0, 1]
      return logGamma(random, shape + 1) + Math.log(u) / shape;
    }
    double d = shape - 1.0 / 3;
    double c = 1 / Math.sqrt(9 * d);
    while (true) {
      double x = Gaussian.next(random);
      double v = 1 + c * x;
      if (v <= 0) {
        continue;
      }
      v = v * v * v;
      double u = 1 - random.nextDouble();
      if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
        return Math.log(d * v);
      }
    }
  }

  @Override
  public boolean needsLabels() {
    return true;
  }

  @Override
  public String toString() {
    return "dirichlet:" + alpha;
  }
}
