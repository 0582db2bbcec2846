package org.ftsim.correction;

import java.util.TreeSet;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.DecisionTreeRegressionModel;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.ml.tree.ContinuousSplit;
import org.apache.spark.ml.tree.InternalNode;
import org.apache.spark.ml.tree.Node;
import org.apache.spark.sql.SparkSession;
import org.ftsim.base.Seeds;

/**
 * {@code mllib-gbt}: a nonlinear map, Spark MLlib's gradient-boosted regression trees ({@link
 * GBTRegressor}, squared loss) on min-max scaled coordinate pairs, fitted on the cluster.
 *
 * <p>Fitting: on a uniform sample without replacement of {@code sample} usable pairs (all when
 * fewer), drawn from the {@link Seeds#CORRECTION_SAMPLE} stream of (seed, number of usable pairs);
 * {@code iterations} trees of depth ≤ {@code depth}, {@code bins} candidate thresholds (quantiles),
 * learning rate {@code step}. MLlib grows each tree with about depth + 2 Spark jobs, so the fit
 * time is set by iterations × depth far more than by the number of pairs: the defaults (5 trees of
 * depth 6, 256 bins, step 0.5, 100,000 pairs) fit d = 468,874 in 4–14 s measured on two cores
 * shared with other jobs (load ≈ 10; {@code correction.bench.FitTimes}), with nearly the accuracy
 * of 20 trees of depth 5. A step function of ≤ 255 pieces is coarse for a linear map over
 * heavy-tailed gradients: use {@code linear} for faults that are affine.
 *
 * <p>Prediction runs on the driver without Spark: trees on one feature are step functions of it, so
 * the ensemble is flattened into one {@link StepFunction} over the union of its split thresholds,
 * each piece's value taken from the Spark model itself ({@code GBTRegressionModel.predict}) at a
 * point of that piece; a coordinate then costs a table look-up and a comparison or two, where
 * {@code GBTRegressionModel.predict(Vector)} in a loop costs about 0.3 µs of CPU (0.8 s per step
 * for 5 workers at d = 468,874, against about 12 ms flattened).
 */
public final class MllibGradientBoostedTrees implements Regressor {

  /** Trees. */
  public static final int DEFAULT_ITERATIONS = 5;

  /** Maximum tree depth: up to 2^depth pieces per tree. */
  public static final int DEFAULT_DEPTH = 6;

  /** Candidate split thresholds per tree (quantiles of the feature), less one. */
  public static final int DEFAULT_BINS = 256;

  /** Learning rate (shrinkage) of every tree after the first. */
  public static final double DEFAULT_STEP = 0.5;

  /** Coordinate pairs fitted on. */
  public static final int DEFAULT_SAMPLE = 100_000;

  private final SparkSession spark;
  private final int iterations;
  private final int depth;
  private final int bins;
  private final double step;
  private final int sample;
  private final long seed;

  /**
   * A regressor.
   *
   * @param spark the session to fit on
   * @param iterations trees, ≥ 1
   * @param depth maximum tree depth, in [1, 30] (MLlib's bound)
   * @param bins in [2, 65536]
   * @param step learning rate, in (0, 1]
   * @param sample pairs fitted on, ≥ 1
   * @param seed the sampler's seed (the run's)
   * @throws IllegalArgumentException naming the bad value
   */
  public MllibGradientBoostedTrees(
      SparkSession spark, int iterations, int depth, int bins, double step, int sample, long seed) {
    require(iterations >= 1, "iterations must be >= 1; got " + iterations);
    require(depth >= 1 && depth <= 30, "depth must be in [1, 30]; got " + depth);
    require(bins >= 2 && bins <= 65536, "bins must be in [2, 65536]; got " + bins);
    require(step > 0 && step <= 1, "step must be in (0, 1]; got " + step);
    require(sample >= 1, "sample must be >= 1; got " + sample);
    if (spark == null) {
      throw new IllegalArgumentException("mllib-gbt runs on Spark and needs a Spark session");
    }
    this.spark = spark;
    this.iterations = iterations;
    this.depth = depth;
    this.bins = bins;
    this.step = step;
    this.sample = sample;
    this.seed = seed;
  }

  /** The defaults, with sampler seed {@code seed}. */
  public MllibGradientBoostedTrees(SparkSession spark, long seed) {
    this(
        spark, DEFAULT_ITERATIONS, DEFAULT_DEPTH, DEFAULT_BINS, DEFAULT_STEP, DEFAULT_SAMPLE, seed);
  }

  @Override
  public RegressionModel fit(ReplicaPairs pairs) {
    if (pairs.constantInput()) {
      return AffineModel.constant(pairs.honestMean());
    }
    double[][] scaled =
        pairs.scaled(sample, Seeds.random(seed, Seeds.CORRECTION_SAMPLE, pairs.usable()));
    GBTRegressionModel model;
    try (CoordinateFrame frame = new CoordinateFrame(spark, scaled[0], scaled[1])) {
      model =
          new GBTRegressor()
              .setLossType("squared")
              .setMaxIter(iterations)
              .setMaxDepth(depth)
              .setMaxBins(bins)
              .setStepSize(step)
              .setSubsamplingRate(1.0)
              .setSeed(seed)
              .setFeaturesCol(CoordinateFrame.FEATURES)
              .setLabelCol(CoordinateFrame.LABEL)
              .fit(frame.frame());
    }
    return flatten(model, pairs.faultyScale(), pairs.honestScale());
  }

  /** The ensemble as one step function, in gradient units. */
  static StepFunction flatten(GBTRegressionModel model, MinMax sx, MinMax sy) {
    TreeSet<Double> union = new TreeSet<>();
    for (DecisionTreeRegressionModel tree : model.trees()) {
      collectThresholds(tree.rootNode(), union);
    }
    double[] thresholds = union.stream().mapToDouble(Double::doubleValue).toArray();
    int m = thresholds.length;
    float[] values = new float[m + 1];
    for (int k = 0; k <= m; k++) {
      // Piece k is (t_k, t_{k+1}], containing its upper end; the last one is (t_m, ∞).
      double point = k < m ? thresholds[k] : Double.POSITIVE_INFINITY;
      values[k] = (float) sy.unscale(model.predict(Vectors.dense(point)));
    }
    return new StepFunction(sx, thresholds, values);
  }

  private static void collectThresholds(Node node, TreeSet<Double> into) {
    if (node instanceof InternalNode internal) {
      if (!(internal.split() instanceof ContinuousSplit split)) {
        throw new IllegalStateException("a tree on one continuous feature split otherwise");
      }
      into.add(split.threshold());
      collectThresholds(internal.leftChild(), into);
      collectThresholds(internal.rightChild(), into);
    }
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("mllib-gbt " + message);
    }
  }

  @Override
  public String toString() {
    return "mllib-gbt:iterations="
        + iterations
        + ",depth="
        + depth
        + ",bins="
        + bins
        + ",step="
        + step
        + ",sample="
        + sample;
  }
}
