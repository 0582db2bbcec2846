package org.ftsim.spark;

import java.util.Map;
import java.util.TreeMap;
import org.ftsim.aggregation.BlockCombination;

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

  /** The discarded shares once mapped through a mixing combination, or null. */
  private double[] inputsDiscarded;

  /**
   * Maps the assembled shares of the combined rows (those of the workers {@code arrives}, in worker
   * order) to the inputs of {@code combination} ({@link BlockCombination#inputsDiscarded}).
   */
  void mapDiscarded(BlockCombination combination, boolean[] arrives) {
    double[] perWorker = discarded();
    int arrived = 0;
    for (boolean a : arrives) {
      arrived += a ? 1 : 0;
    }
    double[] rows = new double[arrived];
    for (int w = 0, j = 0; w < arrives.length; w++) {
      if (arrives[w]) {
        rows[j++] = perWorker[w];
      }
    }
    double[] mapped = combination.inputsDiscarded(rows);
    if (mapped != rows) {
      double[] out = perWorker.clone();
      for (int w = 0, j = 0; w < arrives.length; w++) {
        if (arrives[w]) {
          out[w] = mapped[j++];
        }
      }
      inputsDiscarded = out;
    }
  }

  /** Per worker, the rule's own score of its report, or null (a coordinate-wise rule). */
  double[] scores;

  private boolean anyHonest = true;
  private int blocks;

  /** Per worker: the first block's discarded share, whether every block's was that one. */
  private final double[] firstShare;

  private final boolean[] sameShare;

  /** Per worker: the discarded coordinates over the blocks, and whether some block had no row. */
  private final long[] discardedCoordinates;

  private final boolean[] missing;

  BlockAssembly(CoordinateSplit split, int parameters, int workers) {
    this.split = split;
    this.d = parameters;
    this.aggregate = new float[d];
    this.honestMean = new float[d];
    this.used = new boolean[workers];
    this.firstShare = new double[workers];
    this.sameShare = new boolean[workers];
    this.discardedCoordinates = new long[workers];
    this.missing = new boolean[workers];
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
    int length = split.to(b.block()) - split.from(b.block());
    for (int w = 0; w < used.length; w++) {
      used[w] |= b.used()[w];
      double share = b.discarded()[w];
      if (blocks == 1) {
        firstShare[w] = share;
        sameShare[w] = true;
      } else {
        sameShare[w] &= Double.compare(share, firstShare[w]) == 0;
      }
      missing[w] |= Double.isNaN(share);
      if (!Double.isNaN(share)) {
        // A coordinate-wise share is (discarded coordinates) / length: the count, exactly.
        discardedCoordinates[w] += Math.round(share * length);
      }
    }
  }

  /**
   * Per worker, the share of its report the defense discarded, as the driver mode computes it on
   * the whole rows: a share the same in every block is the row's own (selection, weights,
   * clipping); one that differs by block is coordinate-wise, the discarded coordinates over d. NaN
   * for a worker whose report did not arrive.
   */
  double[] discarded() {
    if (inputsDiscarded != null) {
      return inputsDiscarded;
    }
    double[] out = new double[used.length];
    for (int w = 0; w < out.length; w++) {
      out[w] =
          missing[w]
              ? Double.NaN
              : sameShare[w] ? firstShare[w] : (double) discardedCoordinates[w] / d;
    }
    return out;
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
