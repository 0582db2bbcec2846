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
 *     cosines), same encoding
 * @param kept the rule's k
 * @param used per worker, whether the rule used its report in some coordinate of the block
 * @param discarded per worker, the number of the block's coordinates in which the defense discarded
 *     its report (−1: it did not arrive)
 * @param omniscient the block of the report of each omniscient fault that acted, by its spec (one
 *     spec gives every worker of it the same report)
 */
record BlockResult(
    int block,
    byte[] aggregate,
    byte[] honestMean,
    int kept,
    boolean[] used,
    long[] discarded,
    TreeMap<String, byte[]> omniscient)
    implements Serializable {}
