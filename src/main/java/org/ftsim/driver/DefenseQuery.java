package org.ftsim.driver;

import org.ftsim.aggregation.Defense;
import org.ftsim.fault.DefenseProbe;

/**
 * The run's defense as adaptive faults query it ({@code optimal:FAULT}): the aggregate the
 * pre-aggregators and rule would return, with the state the defense carries between steps (centered
 * clipping's centre, bucketing's counter, fallbacks) put back as it was, so that a query never
 * changes what the step's real aggregation does; with the step's root gradient when the rule needs
 * one ({@code fltrust}).
 */
final class DefenseQuery implements DefenseProbe {

  private final Defense defense;
  private final float[] root;

  DefenseQuery(Defense defense) {
    this(defense, null);
  }

  /** The queries of one step, whose root gradient is {@code root} (null: none). */
  DefenseQuery(Defense defense, float[] root) {
    this.defense = defense;
    this.root = root;
  }

  @Override
  public float[] aggregate(float[][] reports, boolean[] faulty) {
    Defense.State before = defense.state();
    try {
      return defense.apply(reports, faulty, root).gradient().clone();
    } finally {
      defense.restore(before);
    }
  }
}
