package org.ftsim.spark;

import java.util.Map;
import java.util.TreeMap;

/**
 * The driver's side of aggregation on the executors: the blocks' results put together into whole
 * vectors, in block order; per worker whether the rule used it in some block; k, which every block
 * must agree on.
 */
final class BlockAssembly {

  private final CoordinateSplit split;
  private final int d;
  final float[] aggregate;
  final float[] honestMean;
  final boolean[] used;
  final Map<String, float[]> omniscient = new TreeMap<>();
  int kept = -1;
  private boolean anyHonest = true;
  private int blocks;

  BlockAssembly(CoordinateSplit split, int parameters, int workers) {
    this.split = split;
    this.d = parameters;
    this.aggregate = new float[d];
    this.honestMean = new float[d];
    this.used = new boolean[workers];
  }

  /** Adds one block's result: its aggregate, k and used workers, and its statistics. */
  void add(BlockResult b) {
    addAggregate(b);
    addStatistics(b);
  }

  /** Adds one block's aggregate, k and used workers. */
  void addAggregate(BlockResult b) {
    if (b.failure() != null) {
      throw new ExecutorAggregation.TooFewReports(b.failure());
    }
    blocks++;
    float[] a = FloatBytes.decode(b.aggregate());
    System.arraycopy(a, 0, aggregate, split.from(b.block()), a.length);
    if (kept >= 0 && kept != b.kept()) {
      throw new IllegalStateException("blocks kept " + kept + " and " + b.kept() + " rows");
    }
    kept = b.kept();
    for (int w = 0; w < used.length; w++) {
      used[w] |= b.used()[w];
    }
  }

  /** Adds one block's honest mean and omniscient reports. */
  void addStatistics(BlockResult b) {
    int from = split.from(b.block());
    if (b.honestMean() == null) {
      anyHonest = false;
    } else {
      float[] m = FloatBytes.decode(b.honestMean());
      System.arraycopy(m, 0, honestMean, from, m.length);
    }
    for (Map.Entry<String, byte[]> e : b.omniscient().entrySet()) {
      float[] part = FloatBytes.decode(e.getValue());
      System.arraycopy(
          part, 0, omniscient.computeIfAbsent(e.getKey(), k -> new float[d]), from, part.length);
    }
  }

  /** Checks that every block came; no report arrived when none did. */
  void requireAll() {
    if (blocks == 0) {
      throw new ExecutorAggregation.TooFewReports(
          "aggregation needs at least one gradient; got n=0");
    }
    if (blocks != split.blocks()) {
      throw new IllegalStateException("expected " + split.blocks() + " blocks, got " + blocks);
    }
  }

  /** The honest workers' mean, or null when no worker is honest. */
  float[] honestMean() {
    return anyHonest ? honestMean : null;
  }
}
