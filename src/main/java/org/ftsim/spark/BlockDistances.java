package org.ftsim.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.ftsim.aggregation.DistanceBlocks;
import scala.Tuple2;

/**
 * The first pass of a distance-based rule (Krum, Multi-Krum, Bulyan) on the executors: one block of
 * every report that arrived, after the omniscient faults ({@link BlockRows}), gives the block's
 * partial distances, which is one {@link DistanceBlocks} group's: the driver adds them in block
 * order into the distances its own {@code PairwiseDistances} would compute, bit for bit.
 */
final class BlockDistances
    implements FlatMapFunction<Iterator<Tuple2<Integer, BlockSlice>>, BlockPartial> {

  private static final long serialVersionUID = 1L;

  private final DistanceBlocks groups;
  private final FaultSpec faults;
  private final long step;
  private final AnchorBlock anchor;

  /** With {@code anchor} (null for none) after the rows, as the rule adds it. */
  BlockDistances(DistanceBlocks groups, FaultSpec faults, long step, AnchorBlock anchor) {
    this.groups = groups;
    this.faults = faults;
    this.step = step;
    this.anchor = anchor;
  }

  @Override
  public Iterator<BlockPartial> call(Iterator<Tuple2<Integer, BlockSlice>> records) {
    BlockRows b = BlockRows.of(records, faults.plan(), step);
    if (b == null) {
      return List.<BlockPartial>of().iterator();
    }
    int from = groups.from(b.block());
    float[][] rows =
        anchor == null ? b.rows() : anchor.append(b.rows(), from, groups.to(b.block()));
    if (rows.length != groups.n()) {
      throw new IllegalStateException(
          "block " + b.block() + ": " + rows.length + " rows, expected " + groups.n());
    }
    long t0 = System.nanoTime();
    DistanceBlocks.Partial partial = groups.partial(rows, from, b.block());
    long nanos = System.nanoTime() - t0;
    BlockResult result =
        new BlockResult(b.block(), null, b.honestMeanBytes(), 0, null, null, b.omniscient(), null);
    return List.of(new BlockPartial(partial, result, nanos)).iterator();
  }
}
