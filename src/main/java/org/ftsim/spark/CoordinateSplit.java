package org.ftsim.spark;

import java.io.Serializable;
import org.apache.spark.Partitioner;

/**
 * The d coordinates cut into {@code blocks} contiguous blocks of (nearly) equal length, block b
 * being [⌊b·d/B⌋, ⌊(b+1)·d/B⌋); as a Spark partitioner, block b goes to partition b.
 * Coordinate-wise rules compute each coordinate alone, so the cut never changes their result.
 */
final class CoordinateSplit extends Partitioner implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Target bytes of one block of every worker (n × block length × 4 B). */
  static final long BLOCK_BYTES = 32L << 20;

  private final int parameters;
  private final int blocks;

  CoordinateSplit(int parameters, int blocks) {
    this.parameters = parameters;
    this.blocks = Math.max(1, Math.min(blocks, Math.max(1, parameters)));
  }

  /**
   * The split of d coordinates of n workers: at least {@code cores} blocks, more so that a block of
   * every worker stays near {@link #BLOCK_BYTES}.
   */
  static CoordinateSplit of(int workers, int parameters, int cores) {
    long bytes = (long) workers * parameters * Float.BYTES;
    long needed = (bytes + BLOCK_BYTES - 1) / BLOCK_BYTES;
    return new CoordinateSplit(parameters, (int) Math.max(cores, needed));
  }

  int blocks() {
    return blocks;
  }

  int from(int block) {
    return (int) ((long) block * parameters / blocks);
  }

  int to(int block) {
    return (int) ((long) (block + 1) * parameters / blocks);
  }

  @Override
  public int numPartitions() {
    return blocks;
  }

  @Override
  public int getPartition(Object key) {
    return (Integer) key;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CoordinateSplit s && s.parameters == parameters && s.blocks == blocks;
  }

  @Override
  public int hashCode() {
    return 31 * parameters + blocks;
  }
}
