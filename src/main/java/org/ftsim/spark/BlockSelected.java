package org.ftsim.spark;

import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.aggregation.BlockCombination;
import org.ftsim.fault.FaultPlan;
import scala.Tuple2;

/**
 * The second pass of a distance-based rule on the executors: the rows the driver selected, combined
 * over one block of every report ({@link BlockCombination#apply}, coordinate by coordinate, so the
 * blocks put together are the whole-matrix aggregate). The block is read again from the first
 * pass's shuffle files and its omniscient faults recomputed (they are pure), rather than kept a
 * third time.
 */
final class BlockSelected
    implements FlatMapFunction<Iterator<Tuple2<Integer, BlockSlice>>, BlockResult> {

  private static final long serialVersionUID = 1L;

  private final BlockCombination combination;
  private final FaultSpec faults;
  private final long step;
  private final CoordinateSplit split;
  private final AnchorBlock anchor;

  /** With {@code anchor} (null for none) after the rows of each block of {@code split}. */
  BlockSelected(
      BlockCombination combination,
      FaultSpec faults,
      long step,
      CoordinateSplit split,
      AnchorBlock anchor) {
    this.combination = combination;
    this.faults = faults;
    this.step = step;
    this.split = split;
    this.anchor = anchor;
  }

  @Override
  public Iterator<BlockResult> call(Iterator<Tuple2<Integer, BlockSlice>> records) {
    FaultPlan plan = faults.plan();
    BlockRows b = BlockRows.of(records, plan, step);
    if (b == null) {
      return List.<BlockResult>of().iterator();
    }
    float[][] rows =
        anchor == null
            ? b.rows()
            : anchor.append(b.rows(), split.from(b.block()), split.to(b.block()));
    Aggregation a = combination.apply(rows);
    return List.of(
            new BlockResult(
                b.block(),
                FloatBytes.encode(a.gradient()),
                null,
                a.kept(),
                b.used(a.used(), plan.workers()),
                b.discarded(a.discarded(), plan.workers()),
                new TreeMap<>(),
                null))
        .iterator();
  }
}
