package org.ftsim.data;

import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * Label-sorted shards ({@code --partition label-sorted}), ByzFL's "extreme non-IID": the training
 * set, shuffled (seeded) and then stably sorted by label, is cut into n contiguous pools whose
 * sizes differ by at most one; each worker sees one or a few labels.
 */
public final class LabelSorted implements Partitioner {

  @Override
  public BatchPlan plan(Dataset train, int globalBatch, int workers, long seed) {
    int[] all = new int[train.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    return BatchPlan.pooled(
        split(sortByLabel(train, all, Seeds.random(seed, Seeds.PARTITION, 0)), workers),
        globalBatch,
        seed);
  }

  @Override
  public boolean needsLabels() {
    return true;
  }

  @Override
  public String toString() {
    return "label-sorted";
  }

  /** {@code indices} shuffled by {@code random}, then stably sorted by label (counting sort). */
  static int[] sortByLabel(Dataset train, int[] indices, SplittableRandom random) {
    int[] shuffled = indices.clone();
    BatchPlan.shuffle(shuffled, random);
    int[] start = new int[train.classes() + 1];
    for (int i : shuffled) {
      start[train.label(i) + 1]++;
    }
    for (int c = 0; c < train.classes(); c++) {
      start[c + 1] += start[c];
    }
    int[] sorted = new int[shuffled.length];
    for (int i : shuffled) {
      sorted[start[train.label(i)]++] = i;
    }
    return sorted;
  }

  /** {@code values} cut into n contiguous parts whose sizes differ by at most one, larger first. */
  static int[][] split(int[] values, int parts) {
    int[][] out = new int[parts][];
    int base = values.length / parts;
    int extra = values.length % parts;
    for (int p = 0, from = 0; p < parts; p++) {
      int length = base + (p < extra ? 1 : 0);
      out[p] = java.util.Arrays.copyOfRange(values, from, from + length);
      from += length;
    }
    return out;
  }
}
