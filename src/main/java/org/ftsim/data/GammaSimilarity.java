package org.ftsim.data;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Gamma-similarity ({@code --partition gamma:g}), as ByzFL's {@code gamma_similarity_niid}: after a
 * seeded shuffle, a fraction g of the training set (⌊g·N⌋ samples) is dealt IID in n nearly equal
 * parts and the rest {@linkplain LabelSorted label-sorted} in n nearly equal parts; worker i's pool
 * is its IID part plus its sorted part. g = 1 is IID pools, g = 0 is label-sorted. (ByzFL takes the
 * first ⌊g·N⌋ samples in dataset order; here they are drawn at random.)
 */
public final class GammaSimilarity implements Partitioner {

  private final double gamma;

  /** The partition with similarity {@code gamma} in [0, 1]. */
  public GammaSimilarity(double gamma) {
    if (!(gamma >= 0 && gamma <= 1)) {
      throw new IllegalArgumentException("gamma must be in [0, 1]; got " + gamma);
    }
    this.gamma = gamma;
  }

  @Override
  public BatchPlan plan(Dataset train, int globalBatch, int workers, long seed) {
    SplittableRandom random = Seeds.random(seed, Seeds.PARTITION, 0);
    int[] all = new int[train.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    BatchPlan.shuffle(all, random);
    int similar = (int) Math.floor(gamma * all.length);
    int[][] iid = LabelSorted.split(Arrays.copyOfRange(all, 0, similar), workers);
    int[][] sorted =
        LabelSorted.split(
            LabelSorted.sortByLabel(train, Arrays.copyOfRange(all, similar, all.length), random),
            workers);
    int[][] pools = new int[workers][];
    for (int w = 0; w < workers; w++) {
      pools[w] = Arrays.copyOf(iid[w], iid[w].length + sorted[w].length);
      System.arraycopy(sorted[w], 0, pools[w], iid[w].length, sorted[w].length);
    }
    return BatchPlan.pooled(pools, globalBatch, seed);
  }

  @Override
  public boolean needsLabels() {
    return true;
  }

  @Override
  public String toString() {
    return "gamma:" + gamma;
  }
}
