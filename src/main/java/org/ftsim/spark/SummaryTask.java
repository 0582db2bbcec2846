package org.ftsim.spark;

import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.ftsim.linalg.Vectors;

/**
 * A report's summary: its dot product with the broadcast honest mean, over the whole vector and in
 * the order the driver's workers rows take it ({@link Vectors#dot}).
 */
final class SummaryTask implements Function<Report, ReportSummary> {

  private static final long serialVersionUID = 1L;

  private final Broadcast<byte[]> honestMean;

  SummaryTask(Broadcast<byte[]> honestMean) {
    this.honestMean = honestMean;
  }

  @Override
  public ReportSummary call(Report r) {
    boolean arrived = r.row() != null;
    byte[] mean = honestMean.value();
    double dot =
        arrived && mean.length > 0
            ? Vectors.dot(FloatBytes.decode(r.row()), FloatBytes.decode(mean))
            : Double.NaN;
    return new ReportSummary(
        r.worker(), arrived, r.norm(), dot, r.loss(), r.batch(), r.partition(), r.nanos());
  }
}
