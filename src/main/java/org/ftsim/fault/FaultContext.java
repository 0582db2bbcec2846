package org.ftsim.fault;

import java.util.SplittableRandom;

/**
 * What a fault may know about the step it corrupts.
 *
 * @param worker the faulty worker's index
 * @param step the global step, from 1
 * @param honest the gradients of the honest (non-faulty) workers of this step, in worker order,
 *     with their shared statistics; read-only
 * @param workers n, the number of workers
 * @param faulty f, the number of faulty workers (whether or not they misbehave at this step)
 * @param random a generator seeded by (seed, worker, step), private to this call; the only source
 *     of randomness a fault may use
 * @param defense the run's defense, for faults that adapt to it ({@code optimal:...}); {@link
 *     DefenseProbe#NONE} outside a run
 */
public record FaultContext(
    int worker,
    long step,
    HonestGradients honest,
    int workers,
    int faulty,
    SplittableRandom random,
    DefenseProbe defense) {

  /** A context without a defense to probe. */
  public FaultContext(
      int worker,
      long step,
      HonestGradients honest,
      int workers,
      int faulty,
      SplittableRandom random) {
    this(worker, step, honest, workers, faulty, random, DefenseProbe.NONE);
  }

  /** The honest workers' gradients, in worker order; read-only. */
  public float[][] honestGradients() {
    return honest.rows();
  }

  /** This context with {@code random} as its generator (a line search replays one stream). */
  FaultContext withRandom(SplittableRandom random) {
    return new FaultContext(worker, step, honest, workers, faulty, random, defense);
  }
}
