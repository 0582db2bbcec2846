package org.ftsim.spark;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * What the driver receives from one coordinate block when the rule runs on the executors: the
 * aggregate and the honest workers' mean over the block, k, and which workers the rule used there.
 *
 * @param block the block's number
 * @param aggregate the rule's aggregate over the block, little-endian float bytes
 * @param honestMean the mean of the honest workers' gradients over the block (for the workers rows'
 *     cosines), same encoding; null when no worker is honest or the driver has it already
 * @param kept the rule's k
 * @param used per worker, whether the rule used its report in some coordinate of the block
 * @param discarded per worker, the number of the block's coordinates in which the defense discarded
 *     its report (−1: it did not arrive)
 * @param omniscient the block of the report of each omniscient fault that acted, by its spec (one
 *     spec gives every worker of it the same report)
 * @param failure why the rule could not aggregate the reports that arrived (too few), else null
 */
record BlockResult(
    int block,
    byte[] aggregate,
    byte[] honestMean,
    int kept,
    boolean[] used,
    double[] discarded,
    TreeMap<String, byte[]> omniscient,
    String failure)
    implements Serializable {

  /** A block whose reports were too few for the rule, for {@code why}. */
  static BlockResult failed(int block, String why) {
    return new BlockResult(block, null, null, 0, null, null, new TreeMap<>(), why);
  }
}
