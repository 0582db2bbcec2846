package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.ftsim.fault.Fault;
import org.ftsim.fault.FaultPlan;
import org.ftsim.linalg.Vectors;

/**
 * The map side of aggregation on the executors: each hosted worker's gradient ({@link
 * GradientTask}), then its fault where it was computed ({@link FaultPlan#corruptAlone}), and the
 * norm of what it reports over the whole vector, as the driver's workers rows measure it. An
 * omniscient fault's worker sends its gradient as computed: the blocks corrupt it.
 */
final class ReportTask implements FlatMapFunction<Iterator<Integer>, Report> {

  private static final long serialVersionUID = 1L;

  private final GradientTask gradients;
  private final FaultSpec faults;
  private final long step;

  ReportTask(GradientTask gradients, FaultSpec faults, long step) {
    this.gradients = gradients;
    this.faults = faults;
    this.step = step;
  }

  @Override
  public Iterator<Report> call(Iterator<Integer> ids) {
    List<Integer> workers = new ArrayList<>();
    ids.forEachRemaining(workers::add);
    int partition = TaskContext.getPartitionId();
    FaultPlan plan = faults.plan();
    List<Report> out = new ArrayList<>(workers.size());
    for (WorkerGradient g : gradients.run(partition, workers)) {
      // An omniscient fault needs every honest gradient: it runs on the blocks (BlockAggregate).
      float[] own = FloatBytes.decode(g.gradient());
      Fault fault = plan.fault(g.worker());
      float[] row =
          fault != null && fault.omniscient() ? own : plan.corruptAlone(step, g.worker(), own);
      out.add(
          new Report(
              g.worker(),
              row == null ? null : FloatBytes.encode(row),
              row == null ? Double.NaN : Vectors.norm(row),
              g.loss(),
              g.batch(),
              g.partition(),
              g.nanos()));
    }
    return out.iterator();
  }
}
