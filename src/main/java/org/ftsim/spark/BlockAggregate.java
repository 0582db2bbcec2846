package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.aggregation.Defense;
import org.ftsim.aggregation.Mean;
import org.ftsim.fault.Fault;
import org.ftsim.fault.FaultPlan;
import org.ftsim.fault.HonestGradients;
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
    List<BlockSlice> slices = new ArrayList<>();
    int block = -1;
    while (records.hasNext()) {
      Tuple2<Integer, BlockSlice> r = records.next();
      block = r._1();
      slices.add(r._2());
    }
    if (slices.isEmpty()) {
      return List.<BlockResult>of().iterator();
    }
    slices.sort(Comparator.comparingInt(BlockSlice::worker));
    FaultPlan plan = faults.plan();
    int n = plan.workers();
    int arrived = slices.size();
    float[][] rows = new float[arrived][];
    boolean[] rowFaulty = new boolean[arrived];
    List<float[]> honest = new ArrayList<>();
    List<Integer> honestWorkers = new ArrayList<>();
    for (int j = 0; j < arrived; j++) {
      BlockSlice s = slices.get(j);
      rows[j] = FloatBytes.decode(s.values());
      rowFaulty[j] = plan.isFaulty(s.worker());
      if (!rowFaulty[j]) {
        honest.add(rows[j]);
        honestWorkers.add(s.worker());
      }
    }
    // The omniscient faults, over this block of the honest gradients: as FaultPlan.apply, whose
    // statistics are coordinate-wise. One fault spec gives one report, kept for the driver's rows.
    HonestGradients shared =
        new HonestGradients(
            honestWorkers.stream().mapToInt(Integer::intValue).toArray(),
            honest.toArray(float[][]::new));
    TreeMap<String, byte[]> omniscient = new TreeMap<>();
    for (int j = 0; j < arrived; j++) {
      int w = slices.get(j).worker();
      Fault fault = plan.fault(w);
      if (fault != null && fault.omniscient() && plan.misbehaves(w, step)) {
        rows[j] = plan.corrupt(step, w, rows[j], shared);
        omniscient.putIfAbsent(plan.faultName(w), FloatBytes.encode(rows[j]));
      }
    }
    int knownFaulty = 0;
    knownFaulty = plan.faultyCount();
    Defense defense = Defense.parse(rule, "", tolerated, seed);
    defense.checkFeasible(n, knownFaulty);
    Aggregation a = defense.apply(rows, rowFaulty);
    boolean[] used = new boolean[n];
    long[] discarded = new long[n];
    java.util.Arrays.fill(discarded, -1);
    int length = rows[0].length;
    for (int j = 0; j < arrived; j++) {
      used[slices.get(j).worker()] = a.used()[j];
      // A coordinate-wise rule's share is (discarded coordinates) / length: the count, exactly.
      discarded[slices.get(j).worker()] = Math.round(a.discarded()[j] * length);
    }
    byte[] mean =
        honest.isEmpty() ? null : FloatBytes.encode(Mean.mean(honest.toArray(float[][]::new)));
    return List.of(
            new BlockResult(
                block,
                FloatBytes.encode(a.gradient()),
                mean,
                a.kept(),
                used,
                discarded,
                omniscient))
        .iterator();
  }
}
