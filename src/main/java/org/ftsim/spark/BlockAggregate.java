package org.ftsim.spark;

import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.aggregation.Defense;
import org.ftsim.fault.FaultPlan;
import scala.Tuple2;

/**
 * The reduce side of aggregation on the executors: one block of every report that arrived, in
 * worker order, through the run's defense (rebuilt from its spec, checked for n workers and f
 * faulty as the driver's is), and the honest workers' mean over the block. The omniscient faults
 * (ALIE, IPM, mimic) corrupt their workers' blocks here first, from the honest workers' statistics
 * over the block: per-block statistics in the same pass. A coordinate-wise rule computes each
 * coordinate from that coordinate alone, in the same order of operations as on the whole matrix, so
 * the blocks' aggregates put together are the driver's aggregate bit for bit.
 */
final class BlockAggregate
    implements FlatMapFunction<Iterator<Tuple2<Integer, BlockSlice>>, BlockResult> {

  private static final long serialVersionUID = 1L;

  private final String rule;
  private final int tolerated;
  private final long seed;
  private final FaultSpec faults;
  private final long step;

  /**
   * @param rule the rule's spec ({@code -df}), coordinate-wise, without pre-aggregators
   * @param tolerated the declared f
   * @param seed the run's seed
   * @param faults the fault plan, whose omniscient faults run here
   * @param step the global step
   */
  BlockAggregate(String rule, int tolerated, long seed, FaultSpec faults, long step) {
    this.rule = rule;
    this.tolerated = tolerated;
    this.seed = seed;
    this.faults = faults;
    this.step = step;
  }

  @Override
  public Iterator<BlockResult> call(Iterator<Tuple2<Integer, BlockSlice>> records) {
    FaultPlan plan = faults.plan();
    BlockRows b = BlockRows.of(records, plan, step);
    if (b == null) {
      return List.<BlockResult>of().iterator();
    }
    int n = plan.workers();
    Defense defense = Defense.parse(rule, "", tolerated, seed);
    Aggregation a;
    try {
      defense.checkFeasible(n, plan.faultyCount());
      a = defense.apply(b.rows(), b.faulty());
    } catch (IllegalArgumentException e) {
      // Too few reports for the rule: the driver fails the run with this message, in one line.
      return List.of(BlockResult.failed(b.block(), e.getMessage())).iterator();
    }
    return List.of(
            new BlockResult(
                b.block(),
                FloatBytes.encode(a.gradient()),
                b.honestMeanBytes(),
                a.kept(),
                b.used(a.used(), n),
                b.discarded(a.discarded(), n),
                b.omniscient(),
                null))
        .iterator();
  }
}
