package org.ftsim.spark;

import java.io.Serializable;

/**
 * The evaluation of one fixed chunk of the test set; chunks are summed in chunk order, so the
 * totals do not depend on how chunks were spread over partitions.
 *
 * @param chunk the chunk's index
 * @param count samples in the chunk
 * @param correct correctly classified samples (0 for regression)
 * @param lossSum the sum of per-sample losses (cross-entropy, or squared error)
 */
public record EvalChunk(int chunk, int count, long correct, double lossSum)
    implements Serializable {}
