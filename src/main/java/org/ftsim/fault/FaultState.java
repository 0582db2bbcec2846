package org.ftsim.fault;

import java.util.List;
import java.util.Objects;

/**
 * What a fault carries from step to step ({@link Fault#state()}), for checkpoints: counters and
 * vectors of doubles, saved and put back exactly.
 *
 * @param counters the fault's integer state (for {@link MimicWarmup}: the last step it acted at,
 *     its attacking steps so far and its target)
 * @param vectors the fault's vectors (for {@link MimicWarmup}: the tracked mean and direction, none
 *     before its first step)
 */
public record FaultState(long[] counters, List<double[]> vectors) {

  public FaultState {
    Objects.requireNonNull(counters, "counters");
    vectors = List.copyOf(vectors);
  }
}
