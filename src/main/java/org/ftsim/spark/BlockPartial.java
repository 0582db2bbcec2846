package org.ftsim.spark;

import java.io.Serializable;
import org.ftsim.aggregation.DistanceBlocks;

/**
 * What the driver receives from one coordinate block in the first pass of a distance-based rule on
 * the executors: the block's partial distances, and the block's honest mean and omniscient reports
 * (as {@link BlockResult} carries them, without an aggregate yet).
 *
 * @param partial the block's (group's) partial distances and far rows, over the reports that
 *     arrived in worker order
 * @param result the block's number, honest mean and omniscient reports
 * @param nanos the time the task spent on the partial distances
 */
record BlockPartial(DistanceBlocks.Partial partial, BlockResult result, long nanos)
    implements Serializable {}
