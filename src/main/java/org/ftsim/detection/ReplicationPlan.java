package org.ftsim.detection;

import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Which sub-batches each worker computes when every sub-batch is computed by r workers ({@code
 * --detect redundancy}): at each step a permutation π of the n workers is drawn from the {@link
 * Seeds#REDUNDANCY} stream of (seed, step), and the sub-batch of π[i] is computed by π[i], π[i+1],
 * …, π[i+r−1] (indices mod n). Symmetric: every worker computes its own sub-batch and r − 1 others,
 * every sub-batch has r distinct copies, and who checks whom changes at every step, so no worker
 * keeps one partner. Pure and immutable.
 */
public final class ReplicationPlan {

  private final int workers;
  private final int copies;
  private final long seed;

  /**
   * A plan.
   *
   * @param workers n ≥ 2
   * @param copies r, the copies of each sub-batch, 2 ≤ r ≤ n
   * @param seed the run's seed
   * @throws IllegalArgumentException naming the bad value
   */
  public ReplicationPlan(int workers, int copies, long seed) {
    if (copies < 2 || copies > workers) {
      throw new IllegalArgumentException(
          "redundancy needs 2 <= r <= n copies of each sub-batch; got r="
              + copies
              + ", n="
              + workers);
    }
    this.workers = workers;
    this.copies = copies;
    this.seed = seed;
  }

  /** r, the copies of each sub-batch. */
  public int copies() {
    return copies;
  }

  /** n, the workers. */
  public int workers() {
    return workers;
  }

  /**
   * Whose sub-batch each worker computes at {@code step}: {@code owners[j][w]} is the owner of
   * worker w's j-th sub-batch, j = 0 … r − 1, with {@code owners[0][w] = w} (its own).
   */
  public int[][] owners(long step) {
    int[] order = permutation(step);
    int[] position = new int[workers];
    for (int i = 0; i < workers; i++) {
      position[order[i]] = i;
    }
    int[][] owners = new int[copies][workers];
    for (int j = 0; j < copies; j++) {
      for (int w = 0; w < workers; w++) {
        owners[j][w] = order[Math.floorMod(position[w] - j, workers)];
      }
    }
    return owners;
  }

  /** The step's π: a uniform permutation (Fisher–Yates) drawn from (seed, step). */
  private int[] permutation(long step) {
    SplittableRandom random = Seeds.random(seed, Seeds.REDUNDANCY, step);
    int[] order = new int[workers];
    for (int i = 0; i < workers; i++) {
      order[i] = i;
    }
    for (int i = workers - 1; i > 0; i--) {
      int k = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    return order;
  }

  /** The gradients the plan adds per step: (r − 1) · n. */
  public long extraGradientsPerStep() {
    return (long) (copies - 1) * workers;
  }

  @Override
  public String toString() {
    return copies + " copies of each of " + workers + " sub-batches";
  }
}
