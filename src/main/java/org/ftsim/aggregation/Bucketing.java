package org.ftsim.aggregation;

import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Bucketing: shuffle the n inputs with a fresh random permutation π, cut them into ⌈n/s⌉ buckets of
 * s consecutive inputs (the last may be smaller) and return the bucket means, y_b = (1/|B_b|) Σ_{i
 * ∈ B_b} x_π(i).
 *
 * <p>The permutation of the t-th call (t = 0, 1, ...) is drawn from the stream {@code (seed,
 * BUCKETING, t)} of {@link Seeds}: reproducible, and different at every step. This call counter is
 * state: use one instance per run, from one thread; {@link #reset()} restarts it. A bucket holding
 * a non-finite input is non-finite; f bad inputs spoil at most f buckets, so the rule that follows
 * keeps its f. Each bucket's sources are its members. s = 1 only permutes. Karimireddy, He, Jaggi,
 * "Byzantine-robust learning on heterogeneous datasets via bucketing", ICLR 2022.
 */
public final class Bucketing implements PreAggregator {

  /** s, the bucket size. */
  public static final int DEFAULT_BUCKET_SIZE = 2;

  /** The {@link Seeds} stream tag of the bucketing permutations. */
  public static final long BUCKETING = 0x4255434B4554L;

  private final int bucketSize;
  private final long seed;
  private long calls;

  /** Buckets of {@code bucketSize} (s ≥ 1) inputs, permutations drawn from {@code seed}. */
  public Bucketing(int bucketSize, long seed) {
    if (bucketSize < 1) {
      throw new IllegalArgumentException("bucketing s must be >= 1; got " + bucketSize);
    }
    this.bucketSize = bucketSize;
    this.seed = seed;
  }

  @Override
  public int outputCount(int n) {
    return (n + bucketSize - 1) / bucketSize;
  }

  @Override
  public void reset() {
    calls = 0;
  }

  @Override
  public CarriedState state() {
    return new CarriedState(calls, null);
  }

  @Override
  public void restore(CarriedState state) {
    calls = state.calls();
  }

  @Override
  public float[][] apply(float[][] gradients) {
    return preAggregate(gradients).rows();
  }

  @Override
  public PreAggregation preAggregate(float[][] gradients) {
    Rows.requireMatrix(gradients);
    int n = gradients.length;
    int[] perm = permutation(n, Seeds.random(seed, BUCKETING, calls++));
    int buckets = outputCount(n);
    float[][] out = new float[buckets][];
    int[][] sources = new int[buckets][];
    for (int b = 0; b < buckets; b++) {
      int from = b * bucketSize;
      int to = Math.min(n, from + bucketSize);
      int[] members = java.util.Arrays.copyOfRange(perm, from, to);
      java.util.Arrays.sort(members);
      sources[b] = members;
      out[b] = Rows.mean(gradients, Rows.mask(n, members));
    }
    return new PreAggregation(out, sources);
  }

  /** A uniform permutation of 0..n-1 (Fisher–Yates). */
  static int[] permutation(int n, SplittableRandom random) {
    int[] p = CoordinateUse.all(n);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    return p;
  }

  @Override
  public String toString() {
    return "bucketing:" + bucketSize;
  }
}
