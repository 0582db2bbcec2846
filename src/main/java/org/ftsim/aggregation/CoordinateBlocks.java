package org.ftsim.aggregation;

import java.util.stream.IntStream;

/**
 * Splits the d coordinates into fixed blocks and processes them in parallel (common fork-join
 * pool). Block boundaries depend only on d, and every coordinate is computed by one thread with the
 * same sequence of operations, so results are bit-identical whatever the number of threads.
 */
final class CoordinateBlocks {

  /** Coordinates per block: large enough to amortise scheduling, small enough to balance. */
  static final int BLOCK = 8192;

  /** Work on the coordinates [from, to) of block number {@code block}. */
  @FunctionalInterface
  interface Body {
    void run(int block, int from, int to);
  }

  private CoordinateBlocks() {}

  /** The number of blocks of d coordinates (at least one). */
  static int count(int d) {
    return Math.max(1, (d + BLOCK - 1) / BLOCK);
  }

  /** Runs {@code body} on every block, in parallel when there is more than one. */
  static void forEach(int d, Body body) {
    int blocks = count(d);
    if (blocks == 1) {
      body.run(0, 0, d);
      return;
    }
    IntStream.range(0, blocks)
        .parallel()
        .forEach(b -> body.run(b, b * BLOCK, Math.min(d, (b + 1) * BLOCK)));
  }
}
