package org.ftsim.report;

import org.apache.spark.sql.Row;

/**
 * One run as the {@code runs.sql} query describes it, with its label.
 *
 * @param runId the run's id
 * @param label the settings that distinguish it from the other runs of the report
 * @param status finished, failed, diverged or imported (from TensorBoard event files)
 * @param dataset dataset name
 * @param arch architecture
 * @param workers n
 * @param faultyWorkers how many workers were faulty
 * @param fault the fault spec, or null without faulty workers
 * @param defense the aggregation rule
 * @param correct whether gradient correction ran
 * @param steps the last step recorded, or null when none was
 * @param metricName accuracy or mse, or null when the run never evaluated
 * @param finalMetric the last test metric, or null
 * @param wallSeconds the run's wall time
 */
record RunRow(
    String runId,
    String label,
    String status,
    String dataset,
    String arch,
    int workers,
    int faultyWorkers,
    String fault,
    String defense,
    boolean correct,
    Integer steps,
    String metricName,
    Double finalMetric,
    double wallSeconds) {

  /** A row of {@link Query#RUNS} with its label. */
  static RunRow of(Row r, String label) {
    return new RunRow(
        r.getAs("run_id"),
        label,
        r.getAs("status"),
        r.getAs("dataset"),
        r.getAs("arch"),
        r.<Integer>getAs("workers"),
        r.<Integer>getAs("faulty_workers"),
        r.getAs("fault"),
        r.getAs("defense"),
        r.<Boolean>getAs("correct"),
        r.getAs("steps"),
        r.getAs("metric_name"),
        r.getAs("final_metric"),
        r.<Double>getAs("wall_s"));
  }

  /**
   * Whether ftsim simulated the run, so that it has workers rows, k and phases: not a run imported
   * from TensorBoard event files, which holds only train losses and test metrics.
   */
  boolean simulated() {
    return !"imported".equals(status);
  }

  /** Whether ftsim simulated the run with gradient correction (its phases can be drawn). */
  boolean simulatedCorrection() {
    return correct && simulated();
  }

  /** Whether a higher metric is better (accuracy) rather than a lower one (MSE). */
  boolean higherIsBetter() {
    return !"mse".equals(metricName);
  }
}
