package org.ftsim.spark;

import java.io.Serializable;

/**
 * Coordinates [from, from + length) of one worker's report, as little-endian float bytes: what the
 * shuffle of aggregation on the executors moves, one per (worker, block).
 */
record BlockSlice(int worker, byte[] values) implements Serializable {}
