package org.ftsim.data;

import java.util.List;
import org.ftsim.base.Seeds;

/**
 * What the faulty workers are dealt ({@code --byzantine-data}), beside the honest workers'
 * partition:
 *
 * <ul>
 *   <li>{@code partitioned}: the partition deals to all n workers alike (ftsim's default);
 *   <li>{@code iid}: the partition deals the training set to the n − f honest workers only, and the
 *       k-th faulty worker gets the k mod (n − f)-th of n − f IID shards of the whole training set,
 *       as the bucketing code's samplers ({@code DistributedSampler(num_replicas=n_good, rank=rank
 *       % n_good)} for its Byzantine workers); every worker computes gb / n samples;
 *   <li>{@code none}: the partition deals to the honest workers only, who share the global batch;
 *       the faulty workers hold and compute nothing (ByzFL's {@code DataDistributor} deals to
 *       {@code nb_honest} clients).
 * </ul>
 *
 * With {@code iid} and {@code none} an epoch counts the training set's size in samples, whatever
 * the faulty workers hold. The IID partition deals fixed pools here (a seeded shuffle cut into n −
 * f parts), each worker reshuffling its own every epoch.
 */
public final class ByzantineData {

  /** The valid modes. */
  public static final List<String> MODES = List.of("partitioned", "iid", "none");

  private ByzantineData() {}

  /**
   * The plan of {@code partitioner} over {@code train} for n = {@code workers} workers of which
   * {@code faulty} (increasing indices) are faulty, dealt as {@code mode} says.
   *
   * @throws IllegalArgumentException when the partition cannot be dealt, or for an unknown mode
   */
  public static BatchPlan plan(
      Partitioner partitioner,
      Dataset train,
      int globalBatch,
      int workers,
      int[] faulty,
      String mode,
      long seed) {
    if (mode.equals("partitioned") || faulty.length == 0) {
      return partitioner.plan(train, globalBatch, workers, seed);
    }
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException(
          "unknown mode '" + mode + "'; valid: " + String.join(", ", MODES));
    }
    boolean none = mode.equals("none");
    boolean[] isFaulty = new boolean[workers];
    for (int w : faulty) {
      isFaulty[w] = true;
    }
    int honest = workers - faulty.length;
    int[] sizes = new int[workers];
    int honestBatch = 0;
    for (int w = 0, h = 0; w < workers; w++) {
      if (none) {
        sizes[w] = isFaulty[w] ? 0 : globalBatch / honest + (h++ < globalBatch % honest ? 1 : 0);
      } else {
        sizes[w] = globalBatch / workers + (w < globalBatch % workers ? 1 : 0);
      }
      honestBatch += isFaulty[w] ? 0 : sizes[w];
    }
    int[][] honestPools =
        honestPools(partitioner, train, Math.max(honest, honestBatch), honest, seed);
    int[][] shards = none ? null : LabelSorted.split(shuffled(train.size(), seed), honest);
    int[][] pools = new int[workers][];
    for (int w = 0, h = 0, k = 0; w < workers; w++) {
      pools[w] = isFaulty[w] ? (none ? new int[0] : shards[k++ % honest]) : honestPools[h++];
    }
    return BatchPlan.pooled(pools, sizes, train.size(), seed);
  }

  /** The partition's pools for {@code honest} workers; the IID one as fixed pools. */
  private static int[][] honestPools(
      Partitioner partitioner, Dataset train, int globalBatch, int honest, long seed) {
    BatchPlan plan = partitioner.plan(train, globalBatch, honest, seed);
    if (!plan.isPooled()) {
      return LabelSorted.split(shuffled(train.size(), Seeds.derive(seed, Seeds.PARTITION)), honest);
    }
    int[][] pools = new int[honest][];
    for (int h = 0; h < honest; h++) {
      pools[h] = plan.dealt(h);
    }
    return pools;
  }

  private static int[] shuffled(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    BatchPlan.shuffle(order, Seeds.random(seed, Seeds.BYZANTINE_DATA));
    return order;
  }
}
