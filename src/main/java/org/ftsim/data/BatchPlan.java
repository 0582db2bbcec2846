package org.ftsim.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Which samples each worker computes on at each step.
 *
 * <p>IID (the prototype's semantics, {@code --partition iid}): every epoch the training set is
 * shuffled by a permutation seeded by (seed, epoch) and cut into global batches of {@code
 * globalBatch} samples; each global batch is split into n contiguous sub-batches whose sizes differ
 * by at most one (the first {@code B mod n} get one more, as {@code numpy.array_split}). A final
 * global batch smaller than n would leave workers empty; it is dropped.
 *
 * <p>Pooled (the heterogeneous partitions, {@link #pooled}): worker w owns a fixed pool of sample
 * indices. Sub-batch sizes b_w are split from the global batch as above. Each epoch the worker
 * reshuffles its pool (seeded by (seed, epoch, w)) and reads it from the start: its sub-batch at
 * step t is positions t·b_w … t·b_w + b_w − 1 of the shuffled pool, wrapping around at its end. An
 * epoch is ⌊N / globalBatch⌋ steps (at least one), as many as an IID epoch of full batches, so a
 * small pool is read more than once per epoch and a large one only in part. Every pool holds at
 * least b_w samples, so a sub-batch never holds a sample twice.
 *
 * <p>Either way a pure function of (seed, epoch, step, worker): executors compute their own
 * sub-batches, so no sample indices travel with a task.
 */
public final class BatchPlan implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int size;
  private final int globalBatch;
  private final int workers;
  private final long seed;
  private final int[][] pools;

  /** Per worker, its sub-batch size in a pooled plan. */
  private final int[] sizes;

  /** The samples an epoch counts in a pooled plan (its steps: this ÷ the global batch). */
  private final int epochSamples;

  private transient volatile Shuffle cached;

  private record Shuffle(int epoch, int[] order) {}

  /**
   * A plan over {@code size} training samples.
   *
   * @param size the number of training samples
   * @param globalBatch samples per step over all workers
   * @param workers n
   * @param seed the run's seed
   */
  public BatchPlan(int size, int globalBatch, int workers, long seed) {
    if (globalBatch < workers) {
      throw new IllegalArgumentException("global batch " + globalBatch + " < workers " + workers);
    }
    if (size < workers) {
      throw new IllegalArgumentException("dataset of " + size + " samples < workers " + workers);
    }
    this.size = size;
    this.globalBatch = globalBatch;
    this.workers = workers;
    this.seed = seed;
    this.pools = null;
    this.sizes = null;
    this.epochSamples = 0;
  }

  private BatchPlan(int[][] pools, int[] sizes, int epochSamples, long seed) {
    this.workers = pools.length;
    int batch = 0;
    for (int b : sizes) {
      batch += b;
    }
    this.globalBatch = batch;
    this.seed = seed;
    if (sizes.length != workers) {
      throw new IllegalArgumentException(sizes.length + " sub-batch sizes for " + workers);
    }
    this.sizes = sizes.clone();
    int total = 0;
    this.pools = new int[workers][];
    for (int w = 0; w < workers; w++) {
      int need = sizes[w];
      if (pools[w].length < need) {
        throw new IllegalArgumentException(
            "worker "
                + w
                + " was dealt "
                + pools[w].length
                + " samples, fewer than its sub-batch of "
                + need);
      }
      this.pools[w] = pools[w].clone();
      total += pools[w].length;
    }
    this.size = total;
    this.epochSamples = epochSamples > 0 ? epochSamples : total;
  }

  /**
   * A plan over fixed per-worker pools of training-set indices (one pool per worker), each read in
   * a fresh seeded order every epoch; see the class comment.
   *
   * @param pools the sample indices dealt to each worker, each at least its sub-batch size
   * @param globalBatch samples per step over all workers
   * @param seed the run's seed
   */
  public static BatchPlan pooled(int[][] pools, int globalBatch, long seed) {
    int n = pools.length;
    if (globalBatch < n) {
      throw new IllegalArgumentException("global batch " + globalBatch + " < workers " + n);
    }
    int[] sizes = new int[n];
    for (int w = 0; w < n; w++) {
      sizes[w] = globalBatch / n + (w < globalBatch % n ? 1 : 0);
    }
    return new BatchPlan(pools, sizes, 0, seed);
  }

  /**
   * A pooled plan whose sub-batch sizes are given per worker (0: the worker computes nothing) and
   * whose epoch counts {@code epochSamples} samples, not the pools' total: for faulty workers dealt
   * an IID shard beside the honest workers' partition, or no data at all ({@code
   * --byzantine-data}).
   */
  public static BatchPlan pooled(int[][] pools, int[] subBatchSizes, int epochSamples, long seed) {
    return new BatchPlan(pools, subBatchSizes, epochSamples, seed);
  }

  /** The run's seed. */
  public long seed() {
    return seed;
  }

  /** The number of workers. */
  public int workers() {
    return workers;
  }

  /** Whether the workers own fixed pools (a heterogeneous partition) rather than IID batches. */
  public boolean isPooled() {
    return pools != null;
  }

  /**
   * The seed of the random draws (dropout masks) made while computing worker {@code worker}'s
   * sub-batch at {@code step} of {@code epoch}: whoever computes that sub-batch draws the same.
   */
  public long randomSeed(int epoch, int step, int worker) {
    return Seeds.derive(seed, Seeds.DROPOUT, epoch, step, worker);
  }

  /**
   * The samples dealt to {@code worker}: its pool, or for IID the samples of its sub-batches in
   * epoch 1 (every epoch deals afresh).
   */
  public int[] dealt(int worker) {
    if (pools != null) {
      return pools[worker].clone();
    }
    int[][] parts = new int[stepsPerEpoch()][];
    int total = 0;
    for (int t = 0; t < parts.length; t++) {
      parts[t] = subBatch(1, t, worker);
      total += parts[t].length;
    }
    int[] all = new int[total];
    int at = 0;
    for (int[] part : parts) {
      System.arraycopy(part, 0, all, at, part.length);
      at += part.length;
    }
    return all;
  }

  /** Per worker, how many of the samples {@link #dealt} to it carry each label. */
  public int[][] labelHistogram(Dataset train) {
    int[][] counts = new int[workers][train.classes()];
    for (int w = 0; w < workers; w++) {
      for (int i : dealt(w)) {
        counts[w][train.label(i)]++;
      }
    }
    return counts;
  }

  /** Steps per epoch: ⌈size / globalBatch⌉, less one if the last batch has fewer than n samples. */
  public int stepsPerEpoch() {
    if (pools != null) {
      return Math.max(1, epochSamples / globalBatch);
    }
    int full = size / globalBatch;
    int rest = size % globalBatch;
    return full + (rest >= workers ? 1 : 0);
  }

  /** The size of the global batch at {@code step} (0-based within the epoch). */
  public int globalBatchSize(int step) {
    return pools != null ? globalBatch : Math.min(globalBatch, size - step * globalBatch);
  }

  /**
   * The training-set indices of worker {@code worker}'s sub-batch at {@code step} (0-based within
   * epoch {@code epoch}, from 1).
   */
  public int[] subBatch(int epoch, int step, int worker) {
    if (pools != null) {
      return pooledSubBatch(epoch, step, worker);
    }
    int batch = globalBatchSize(step);
    int base = batch / workers;
    int extra = batch % workers;
    int from = step * globalBatch + worker * base + Math.min(worker, extra);
    int length = base + (worker < extra ? 1 : 0);
    return Arrays.copyOfRange(order(epoch), from, from + length);
  }

  /** The length of {@link #subBatch}{@code (epoch, step, worker)}, without building it. */
  public int subBatchLength(int step, int worker) {
    if (pools != null) {
      return sizes[worker];
    }
    int batch = globalBatchSize(step);
    return batch / workers + (worker < batch % workers ? 1 : 0);
  }

  private int[] pooledSubBatch(int epoch, int step, int worker) {
    int length = sizes[worker];
    if (length == 0) {
      return new int[0];
    }
    int[] pool = pools[worker].clone();
    shuffle(pool, Seeds.random(seed, Seeds.POOL_SHUFFLE, epoch, worker));
    int[] out = new int[length];
    long from = (long) step * length;
    for (int i = 0; i < length; i++) {
      out[i] = pool[(int) ((from + i) % pool.length)];
    }
    return out;
  }

  /** Fisher–Yates. */
  static void shuffle(int[] values, SplittableRandom random) {
    for (int i = values.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = values[i];
      values[i] = values[j];
      values[j] = t;
    }
  }

  /** The epoch's permutation of the training set, seeded by (seed, epoch): Fisher–Yates. */
  public int[] order(int epoch) {
    if (pools != null) {
      throw new IllegalStateException("a pooled plan has no global order");
    }
    Shuffle s = cached;
    if (s == null || s.epoch() != epoch) {
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      shuffle(order, Seeds.random(seed, Seeds.SHUFFLE, epoch));
      s = new Shuffle(epoch, order);
      cached = s;
    }
    return s.order();
  }
}
