package org.ftsim.spark;

import java.io.Serializable;

/**
 * What one worker reports at one step when faults run on the executors: its gradient after its
 * fault (if it misbehaves), as little-endian float bytes, or null when it crashed; with what the
 * workers table needs of it, measured on the whole vector where it was computed.
 *
 * @param worker the worker's index
 * @param row the reported gradient's bytes, null for no report
 * @param norm ‖row‖ (as {@link org.ftsim.linalg.Vectors#norm}), NaN for no report
 * @param loss the mean loss over the sub-batch
 * @param batch the sub-batch size
 * @param partition the partition that computed it
 * @param nanos time spent computing it
 */
record Report(
    int worker, byte[] row, double norm, double loss, int batch, int partition, long nanos)
    implements Serializable {}
