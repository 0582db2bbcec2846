package org.ftsim.data;

import java.io.Serializable;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.ftsim.config.Seeds;

/**
 * Which samples each worker computes on at each step (IID, the prototype's semantics): every epoch
 * the training set is shuffled by a permutation seeded by (seed, epoch) and cut into global batches
 * of {@code globalBatch} samples; each global batch is split into n contiguous sub-batches whose
 * sizes differ by at most one (the first {@code B mod n} get one more, as {@code
 * numpy.array_split}).
 *
 * <p>A pure function of (seed, epoch, step, worker): executors compute their own sub-batches, so no
 * sample indices travel with a task. A final global batch smaller than n would leave workers empty;
 * it is dropped.
 */
public final class BatchPlan implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int size;
  private final int globalBatch;
  private final int workers;
  private final long seed;
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
  }

  /** Steps per epoch: ⌈size / globalBatch⌉, less one if the last batch has fewer than n samples. */
  public int stepsPerEpoch() {
    int full = size / globalBatch;
    int rest = size % globalBatch;
    return full + (rest >= workers ? 1 : 0);
  }

  /** The size of the global batch at {@code step} (0-based within the epoch). */
  public int globalBatchSize(int step) {
    return Math.min(globalBatch, size - step * globalBatch);
  }

  /**
   * The training-set indices of worker {@code worker}'s sub-batch at {@code step} (0-based within
   * epoch {@code epoch}, from 1).
   */
  public int[] subBatch(int epoch, int step, int worker) {
    int batch = globalBatchSize(step);
    int base = batch / workers;
    int extra = batch % workers;
    int from = step * globalBatch + worker * base + Math.min(worker, extra);
    int length = base + (worker < extra ? 1 : 0);
    return Arrays.copyOfRange(order(epoch), from, from + length);
  }

  /** The epoch's permutation of the training set, seeded by (seed, epoch): Fisher–Yates. */
  public int[] order(int epoch) {
    Shuffle s = cached;
    if (s == null || s.epoch() != epoch) {
      int[] order = new int[size];
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      SplittableRandom random = Seeds.random(seed, Seeds.SHUFFLE, epoch);
      for (int i = size - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
      s = new Shuffle(epoch, order);
      cached = s;
    }
    return s.order();
  }
}
