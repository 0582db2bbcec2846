package org.ftsim.spark;

import java.io.Serializable;
import org.apache.spark.Partitioner;
import org.ftsim.aggregation.DistanceBlocks;

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

  /** The width of every block but the last, or 0 for blocks of (nearly) equal length. */
  private final int width;

  CoordinateSplit(int parameters, int blocks) {
    this.parameters = parameters;
    this.blocks = Math.max(1, Math.min(blocks, Math.max(1, parameters)));
    this.width = 0;
  }

  private CoordinateSplit(int parameters, int blocks, int width) {
    this.parameters = parameters;
    this.blocks = blocks;
    this.width = width;
  }

  /**
   * The split into the groups of the distance computation ({@link DistanceBlocks}): block b is
   * group b, so that its task computes the group's partial distances as the driver would.
   */
  static CoordinateSplit of(DistanceBlocks groups) {
    return new CoordinateSplit(
        groups.d(), Math.max(1, groups.groups()), Math.max(1, groups.groupWidth()));
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
    if (width > 0) {
      return (int) Math.min(parameters, (long) block * width);
    }
    return (int) ((long) block * parameters / blocks);
  }

  int to(int block) {
    if (width > 0) {
      return (int) Math.min(parameters, (long) (block + 1) * width);
    }
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
    return o instanceof CoordinateSplit s
        && s.parameters == parameters
        && s.blocks == blocks
        && s.width == width;
  }

  @Override
  public int hashCode() {
    return 31 * (31 * parameters + blocks) + width;
  }
}
