package org.ftsim.results;

/**
 * A run's timing totals in milliseconds, for its closing console lines: the sums of the {@code
 * steps} table's timing columns, of evaluation, and per correction phase.
 *
 * @param steps steps taken
 * @param gradMs gradients on Spark (broadcast, compute, results)
 * @param broadcastMs of which the broadcast of the parameters
 * @param computeMs of which the slowest partition's compute
 * @param aggregateMs faults, correction, defense and metrics
 * @param updateMs the optimizer's update
 * @param stepMs whole steps
 * @param evalMs evaluations
 * @param replicaSteps steps of replica phases
 * @param replicaMs their milliseconds
 * @param correctedSteps steps of corrected phases
 * @param correctedMs their milliseconds
 */
public record Timings(
    int steps,
    double gradMs,
    double broadcastMs,
    double computeMs,
    double aggregateMs,
    double updateMs,
    double stepMs,
    double evalMs,
    int replicaSteps,
    double replicaMs,
    int correctedSteps,
    double correctedMs) {

  /** Nothing timed yet. */
  public static final Timings NONE = new Timings(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

  /** These totals and the step of {@code row}. */
  public Timings plus(Rows.StepRow row) {
    boolean replica = row.phase().equals("replica");
    boolean corrected = row.phase().equals("corrected");
    return new Timings(
        steps + 1,
        gradMs + row.gradMs(),
        broadcastMs + row.broadcastMs(),
        computeMs + row.computeMs(),
        aggregateMs + row.aggregateMs(),
        updateMs + row.updateMs(),
        stepMs + row.stepMs(),
        evalMs,
        replicaSteps + (replica ? 1 : 0),
        replicaMs + (replica ? row.stepMs() : 0),
        correctedSteps + (corrected ? 1 : 0),
        correctedMs + (corrected ? row.stepMs() : 0));
  }

  /** These totals and an evaluation of {@code ms}. */
  public Timings plusEval(double ms) {
    return new Timings(
        steps,
        gradMs,
        broadcastMs,
        computeMs,
        aggregateMs,
        updateMs,
        stepMs,
        evalMs + ms,
        replicaSteps,
        replicaMs,
        correctedSteps,
        correctedMs);
  }

  /** The mean milliseconds of a replica step, NaN without one. */
  public double meanReplicaMs() {
    return replicaSteps == 0 ? Double.NaN : replicaMs / replicaSteps;
  }

  /** The mean milliseconds of a corrected step, NaN without one. */
  public double meanCorrectedMs() {
    return correctedSteps == 0 ? Double.NaN : correctedMs / correctedSteps;
  }
}
