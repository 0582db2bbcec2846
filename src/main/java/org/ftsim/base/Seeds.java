package org.ftsim.base;

import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from the run's one seed. A stream is named by a
 * purpose tag and integer coordinates (worker, step, epoch...), so that no global random state
 * exists and the same (seed, tag, coordinates) always give the same draws, wherever they are made.
 */
public final class Seeds {

  /** Stream tags; each purpose draws from its own family of streams. */
  public static final long SHUFFLE = 0x5348554646L;

  public static final long INIT = 0x494E4954L;
  public static final long FAULT = 0x4641554C54L;
  public static final long FAULT_SCHEDULE = 0x5343484544L;
  public static final long DATA = 0x44415441L;
  public static final long REPLICA = 0x5245504CL;
  public static final long CORRECTION_SAMPLE = 0x434F5252L;

  /** Dealing the training set into per-worker pools ({@code --partition}). */
  public static final long PARTITION = 0x5041525449L;

  /** A worker's reshuffle of its own pool at each epoch. */
  public static final long POOL_SHUFFLE = 0x504F4F4CL;

  /** Holding a validation set out of the training set ({@code --validation}). */
  public static final long VALIDATION = 0x56414C49L;

  /** Dealing IID shards to the faulty workers ({@code --byzantine-data iid}). */
  public static final long BYZANTINE_DATA = 0x42595A44L;

  /** Random draws inside a gradient computation (dropout masks), per sub-batch. */
  public static final long DROPOUT = 0x44524F50L;

  /** The plan of which workers replicate which sub-batches ({@code --detect redundancy}). */
  public static final long REDUNDANCY = 0x5245444EL;

  /**
   * The server's trusted root samples ({@code --root-samples}): drawing them, and the random draws
   * (dropout masks) of the root gradient at each step.
   */
  public static final long ROOT = 0x524F4F54L;

  private Seeds() {}

  /** A 64-bit seed for stream {@code tag} at {@code coordinates}, mixed with SplitMix64. */
  public static long derive(long seed, long tag, long... coordinates) {
    long h = mix(seed ^ mix(tag));
    for (long c : coordinates) {
      h = mix(h ^ mix(c + 0x9E3779B97F4A7C15L));
    }
    return h;
  }

  /** A fresh generator for stream {@code tag} at {@code coordinates}. */
  public static SplittableRandom random(long seed, long tag, long... coordinates) {
    return new SplittableRandom(derive(seed, tag, coordinates));
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
