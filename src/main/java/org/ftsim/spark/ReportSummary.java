package org.ftsim.spark;

import java.io.Serializable;

/**
 * One worker's part of a step aggregated on the executors, without its gradient: what its workers
 * row needs.
 *
 * @param worker the worker's index
 * @param arrived whether it reported (false: it crashed)
 * @param norm ‖report‖, NaN when it did not report
 * @param dotHonestMean report · (mean of the honest gradients), NaN when it did not report
 * @param loss the mean loss over its sub-batch
 * @param batch its sub-batch size
 * @param partition the partition that computed it
 * @param nanos time spent computing its gradient
 */
public record ReportSummary(
    int worker,
    boolean arrived,
    double norm,
    double dotHonestMean,
    double loss,
    int batch,
    int partition,
    long nanos)
    implements Serializable {}
