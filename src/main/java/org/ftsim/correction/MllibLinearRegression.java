package org.ftsim.correction;

import java.util.SplittableRandom;
import org.apache.spark.ml.regression.LinearRegression;
import org.apache.spark.ml.regression.LinearRegressionModel;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mllib-linear}: the same least-squares line as {@link ClosedFormLinear}, fitted by Spark
 * MLlib's {@link LinearRegression} (normal-equation solver, no regularisation, with intercept) on a
 * DataFrame of all usable min-max scaled coordinate pairs, on the cluster. The fitted coefficient
 * and intercept are read back and the model predicts on the driver as an {@link AffineModel}.
 */
public final class MllibLinearRegression implements Regressor {

  private final SparkSession spark;

  /** Fits on {@code spark}'s cluster. */
  public MllibLinearRegression(SparkSession spark) {
    if (spark == null) {
      throw new IllegalArgumentException("mllib-linear runs on Spark and needs a Spark session");
    }
    this.spark = spark;
  }

  @Override
  public RegressionModel fit(ReplicaPairs pairs) {
    if (pairs.constantInput()) {
      return AffineModel.constant(pairs.honestMean());
    }
    // All pairs: the sampler is never drawn from.
    double[][] scaled = pairs.scaled(Long.MAX_VALUE, new SplittableRandom(0));
    LinearRegressionModel model;
    try (CoordinateFrame frame = new CoordinateFrame(spark, scaled[0], scaled[1])) {
      model =
          new LinearRegression()
              .setSolver("normal")
              .setRegParam(0)
              .setElasticNetParam(0)
              .setFitIntercept(true)
              .setFeaturesCol(CoordinateFrame.FEATURES)
              .setLabelCol(CoordinateFrame.LABEL)
              .fit(frame.frame());
    }
    return AffineModel.fromScaled(
        model.intercept(), model.coefficients().apply(0), pairs.faultyScale(), pairs.honestScale());
  }

  @Override
  public String toString() {
    return "mllib-linear";
  }
}
