package org.ftsim.fault;

import java.util.SplittableRandom;

/**
 * What a fault may know about the step it corrupts.
 *
 * @param worker the faulty worker's index
 * @param step the global step, from 1
 * @param honestGradients the gradients of the honest (non-faulty) workers of this step, in worker
 *     order; read-only
 * @param workers n, the number of workers
 * @param faulty the number of faulty workers
 * @param random a generator seeded by (seed, worker, step), private to this call
 */
public record FaultContext(
    int worker,
    long step,
    float[][] honestGradients,
    int workers,
    int faulty,
    SplittableRandom random) {}
