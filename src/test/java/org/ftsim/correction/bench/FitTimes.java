package org.ftsim.correction.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.ml.regression.GBTRegressionModel;
import org.apache.spark.ml.regression.GBTRegressor;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ftsim.SparkTestSession;
import org.ftsim.correction.Corrector;
import org.ftsim.correction.Fit;
import org.ftsim.correction.MllibGradientBoostedTrees;
import org.ftsim.correction.RegressorRegistry;

/**
 * Fit time of each regressor at the MLP's d = 468,874 and the per-step cost of {@link
 * Corrector#correct} for 5 faulty workers, on the shared local[2] session. Gradients are synthetic
 * (heavy-tailed: N(0, 1) · 1e-3 · e^{N(0, 1)}), reports are {@code scale:10}; timing does not
 * depend on the values. Arguments: regressor specs (default: every registered name).
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java @submit/java17.args -Xmx6g -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *   org.ftsim.correction.bench.FitTimes
 * </pre>
 */
public final class FitTimes {

  private static final int D = 468_874;
  private static final int FAULTY = 5;
  private static final int FIT_REPEATS = 3;
  private static final int CORRECT_STEPS = 20;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private FitTimes() {}

  public static void main(String[] args) {
    List<String> specs = args.length > 0 ? List.of(args) : RegressorRegistry.names();
    SparkSession spark = SparkTestSession.get();
    spark.sparkContext().setLogLevel("WARN");
    List<float[]> honest = new ArrayList<>();
    List<float[]> faulty = new ArrayList<>();
    for (int w = 0; w < FAULTY; w++) {
      Random random = new Random(100 + w);
      float[] g = new float[D];
      float[] x = new float[D];
      for (int j = 0; j < D; j++) {
        g[j] = (float) (1e-3 * random.nextGaussian() * Math.exp(random.nextGaussian()));
        x[j] = 10 * g[j];
      }
      honest.add(g);
      faulty.add(x);
    }
    System.out.printf(
        "d = %,d, %d faulty workers, fit: median of %d after 1 warm-up; correct: mean of %d steps%n",
        D, FAULTY, FIT_REPEATS, CORRECT_STEPS);
    for (String spec : specs) {
      Corrector corrector = new Corrector(RegressorRegistry.create(spec, spark, 1), 0.95);
      double[] fitMs = new double[FIT_REPEATS];
      Fit last = null;
      for (int rep = -1; rep < FIT_REPEATS; rep++) {
        int w = Math.floorMod(rep, FAULTY);
        last = corrector.fit(w, List.of(faulty.get(w)), List.of(honest.get(w)));
        if (rep >= 0) {
          fitMs[rep] = last.fitMs();
        }
      }
      for (int w = 0; w < FAULTY; w++) {
        corrector.fit(w, List.of(faulty.get(w)), List.of(honest.get(w)));
      }
      long sink = 0;
      for (int w = 0; w < FAULTY; w++) {
        sink += Float.floatToRawIntBits(corrector.correct(w, faulty.get(w))[0]);
      }
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      for (int step = 0; step < CORRECT_STEPS; step++) {
        for (int w = 0; w < FAULTY; w++) {
          sink += Float.floatToRawIntBits(corrector.correct(w, faulty.get(w))[step]);
        }
      }
      double stepMs = (System.nanoTime() - start) / 1e6 / CORRECT_STEPS;
      double stepCpuMs = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6 / CORRECT_STEPS;
      double error = Corrector.trueError(corrector.correct(0, faulty.get(0)), honest.get(0));
      Arrays.sort(fitMs);
      System.out.printf(
          "%s%n  fit %.1f ms (min %.1f, max %.1f); correct x%d: %.2f ms/step (CPU %.2f ms);"
              + " true error %.4f; %s [%d]%n",
          last.regressor(),
          fitMs[FIT_REPEATS / 2],
          fitMs[0],
          fitMs[FIT_REPEATS - 1],
          FAULTY,
          stepMs,
          stepCpuMs,
          error,
          last.lossLine(),
          sink & 1);
    }
    sparkPredictLoop(spark, faulty.get(0), honest.get(0));
    spark.stop();
  }

  /**
   * The alternative to flattening: MLlib's own {@code GBTRegressionModel.predict(Vector)} once per
   * coordinate, for one worker (a GBT of the default settings fitted on 100,000 raw pairs).
   */
  private static void sparkPredictLoop(SparkSession spark, float[] x, float[] y) {
    List<Row> rows = new ArrayList<>();
    for (int j = 0; j < 100_000; j++) {
      rows.add(RowFactory.create(Vectors.dense(x[j]), (double) y[j]));
    }
    StructType schema =
        new StructType()
            .add("features", SQLDataTypes.VectorType(), false)
            .add("label", DataTypes.DoubleType, false);
    GBTRegressionModel model =
        new GBTRegressor()
            .setMaxIter(MllibGradientBoostedTrees.DEFAULT_ITERATIONS)
            .setMaxDepth(MllibGradientBoostedTrees.DEFAULT_DEPTH)
            .setMaxBins(MllibGradientBoostedTrees.DEFAULT_BINS)
            .setStepSize(MllibGradientBoostedTrees.DEFAULT_STEP)
            .fit(spark.createDataFrame(rows, schema));
    double sink = 0;
    for (int rep = 0; rep < 2; rep++) {
      long start = System.nanoTime();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      for (float v : x) {
        sink += model.predict(Vectors.dense(v));
      }
      System.out.printf(
          "GBTRegressionModel.predict(Vector) per coordinate, 1 worker: %.1f ms (CPU %.1f ms) [%s]%n",
          (System.nanoTime() - start) / 1e6,
          (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6,
          sink > 0);
    }
  }
}
