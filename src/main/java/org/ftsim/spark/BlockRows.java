package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import org.ftsim.aggregation.Mean;
import org.ftsim.fault.Fault;
import org.ftsim.fault.FaultPlan;
import org.ftsim.fault.HonestGradients;
import scala.Tuple2;

/**
 * One coordinate block of every report that arrived, in worker order, as a reduce task of
 * aggregation on the executors receives it, after the omniscient faults (ALIE, IPM, mimic): they
 * corrupt their workers' blocks from the honest workers' statistics over the block, as {@link
 * FaultPlan#apply} does over whole vectors, coordinate by coordinate.
 *
 * @param block the block's number
 * @param workers the workers whose reports arrived, increasing
 * @param rows their reports over the block, in that order
 * @param faulty per row, whether its worker is faulty
 * @param honestMean the honest workers' mean over the block, null when none is honest
 * @param omniscient the block of the report of each omniscient fault that acted, by its spec
 */
record BlockRows(
    int block,
    int[] workers,
    float[][] rows,
    boolean[] faulty,
    float[] honestMean,
    TreeMap<String, byte[]> omniscient) {

  /** The block in {@code records}, or null when it holds none. */
  static BlockRows of(Iterator<Tuple2<Integer, BlockSlice>> records, FaultPlan plan, long step) {
    List<BlockSlice> slices = new ArrayList<>();
    int block = -1;
    while (records.hasNext()) {
      Tuple2<Integer, BlockSlice> r = records.next();
      block = r._1();
      slices.add(r._2());
    }
    if (slices.isEmpty()) {
      return null;
    }
    slices.sort(Comparator.comparingInt(BlockSlice::worker));
    int arrived = slices.size();
    int[] workers = new int[arrived];
    float[][] rows = new float[arrived][];
    boolean[] faulty = new boolean[arrived];
    List<float[]> honest = new ArrayList<>();
    List<Integer> honestWorkers = new ArrayList<>();
    for (int j = 0; j < arrived; j++) {
      BlockSlice s = slices.get(j);
      workers[j] = s.worker();
      rows[j] = FloatBytes.decode(s.values());
      faulty[j] = plan.isFaulty(s.worker());
      if (!faulty[j]) {
        honest.add(rows[j]);
        honestWorkers.add(s.worker());
      }
    }
    // One fault spec gives one report, kept for the driver's rows.
    HonestGradients shared =
        new HonestGradients(
            honestWorkers.stream().mapToInt(Integer::intValue).toArray(),
            honest.toArray(float[][]::new));
    TreeMap<String, byte[]> omniscient = new TreeMap<>();
    for (int j = 0; j < arrived; j++) {
      int w = workers[j];
      Fault fault = plan.fault(w);
      if (fault != null && fault.omniscient() && plan.misbehaves(w, step)) {
        rows[j] = plan.corrupt(step, w, rows[j], shared);
        omniscient.putIfAbsent(plan.faultName(w), FloatBytes.encode(rows[j]));
      }
    }
    float[] mean = honest.isEmpty() ? null : Mean.mean(honest.toArray(float[][]::new));
    return new BlockRows(block, workers, rows, faulty, mean, omniscient);
  }

  /** Per worker of the plan's n, whether the rule used its report: from {@code used} per row. */
  boolean[] used(boolean[] used, int n) {
    boolean[] out = new boolean[n];
    for (int j = 0; j < workers.length; j++) {
      out[workers[j]] = used[j];
    }
    return out;
  }

  /** {@code discarded} of the rows as per worker of {@code n}: NaN for a worker with no row. */
  double[] discarded(double[] discarded, int n) {
    double[] out = new double[n];
    java.util.Arrays.fill(out, Double.NaN);
    for (int j = 0; j < workers.length; j++) {
      out[workers[j]] = discarded[j];
    }
    return out;
  }

  /** The honest mean's bytes, or null. */
  byte[] honestMeanBytes() {
    return honestMean == null ? null : FloatBytes.encode(honestMean);
  }
}
