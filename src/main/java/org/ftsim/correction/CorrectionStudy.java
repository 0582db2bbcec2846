package org.ftsim.correction;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.ftsim.base.Seeds;

/**
 * The prototype's correction study ({@code correct_performance.ipynb}): how much data a faulty
 * worker's regression needs. For each data coverage c and each regressor, fit on a seeded sample of
 * ⌊c·d⌋ of the coordinate pairs of the first replica step (the regressor min-max scales the sample
 * itself, as the prototype's {@code data_standardization}), then predict every later replica step's
 * true gradient from its corrupted one and average that step's errors over the test steps.
 *
 * <p>Samples are nested: coverage c takes the first ⌊c·d⌋ coordinates of one seeded permutation per
 * (seed, worker, d), so a smaller coverage's sample is part of every larger one's, and every
 * regressor sees the same sample at a coverage. (The prototype draws each coverage's sample afresh
 * from numpy's global state, so its samples are neither nested nor repeatable per coverage.)
 */
public final class CorrectionStudy {

  /**
   * The study's Parquet table under its output directory (written by the command, drawn by the
   * report).
   */
  public static final String TABLE = "correction_study.parquet";

  /** The prototype's coverages. */
  public static final List<Double> DEFAULT_COVERAGES = List.of(0.1, 0.3, 0.5, 0.7, 0.9, 1.0);

  private static final double EPSILON = Math.ulp(1.0);

  /** The stream coordinate that tells the study's permutation from other correction samples. */
  private static final long STUDY_STREAM = 0x5354554459L;

  /**
   * One (worker, regressor, coverage) of the study.
   *
   * @param worker the faulty worker
   * @param model the regressor's spec
   * @param coverage the share of the first step's coordinates fitted on
   * @param sampleSize the usable pairs fitted on
   * @param fitSeconds wall time of the regressor's fit (scaling included, sampling not)
   * @param testMse mean over the test steps of mean (y − ŷ)²
   * @param mape mean over the test steps of the prototype's MAPE, scikit-learn's {@code
   *     mean_absolute_percentage_error(y + 1, ŷ + 1)}: mean |y − ŷ| / max(|y + 1|, ε)
   * @param relativeMape mean over the test steps of mean |(y − ŷ) / y| over y ≠ 0
   * @param testSteps the replica steps tested on (all but the first)
   * @param testPairs the usable pairs tested on, over all test steps
   * @param trueVariance the variance of the true test coordinates: the MSE of a model that predicts
   *     their mean
   */
  public record Result(
      int worker,
      String model,
      double coverage,
      long sampleSize,
      double fitSeconds,
      double testMse,
      double mape,
      double relativeMape,
      int testSteps,
      long testPairs,
      double trueVariance) {}

  /** Errors of one prediction against the truth, over the usable pairs. */
  record Errors(double mse, double mape, double relativeMape, long pairs) {}

  private CorrectionStudy() {}

  /**
   * Parses a comma-separated list of coverages, each in (0, 1], no repeats.
   *
   * @throws IllegalArgumentException naming the bad value
   */
  public static List<Double> coverages(String list) {
    List<Double> out = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      double c;
      try {
        c = Double.parseDouble(part.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("'" + part.strip() + "' is not a number");
      }
      if (!(c > 0 && c <= 1)) {
        throw new IllegalArgumentException("each coverage must be in (0, 1]; got " + part.strip());
      }
      if (out.contains(c)) {
        throw new IllegalArgumentException("coverage " + part.strip() + " is given twice");
      }
      out.add(c);
    }
    return List.copyOf(out);
  }

  /** ⌊coverage·d⌋, as the prototype's {@code int(d * percent)}. */
  public static int sampleSize(int dimension, double coverage) {
    return (int) (dimension * coverage);
  }

  /**
   * The first {@code size} indices of a seeded uniform permutation of 0 … d − 1 (a partial
   * Fisher–Yates shuffle): the same (seed, worker, d) give the same sequence, and a smaller size
   * gives a prefix of a larger one's.
   */
  public static int[] sample(int dimension, int size, long seed, int worker) {
    if (size < 0 || size > dimension) {
      throw new IllegalArgumentException(
          "a sample of " + size + " from " + dimension + " coordinates");
    }
    SplittableRandom random =
        Seeds.random(seed, Seeds.CORRECTION_SAMPLE, STUDY_STREAM, worker, dimension);
    int[] order = new int[dimension];
    for (int i = 0; i < dimension; i++) {
      order[i] = i;
    }
    for (int i = 0; i < size; i++) {
      int k = i + random.nextInt(dimension - i);
      int t = order[i];
      order[i] = order[k];
      order[k] = t;
    }
    return java.util.Arrays.copyOf(order, size);
  }

  /**
   * The study of one worker's replica steps.
   *
   * @param faulty the corrupted gradients, one per replica step in step order; at least two
   * @param honest the true gradients, as many, each of the same length d
   * @param coverages each in (0, 1], with ⌊c·d⌋ ≥ 1
   * @param regressors by spec, in the order of the result rows
   * @param seed the samples' seed
   * @return one result per coverage and regressor, coverage-major
   * @throws IllegalArgumentException when there is no test step, the lengths differ or a coverage
   *     leaves no pair, with the numbers
   */
  public static List<Result> run(
      int worker,
      List<float[]> faulty,
      List<float[]> honest,
      List<Double> coverages,
      Map<String, Regressor> regressors,
      long seed) {
    if (faulty.size() < 2 || faulty.size() != honest.size()) {
      throw new IllegalArgumentException(
          "worker "
              + worker
              + " has "
              + faulty.size()
              + " replica step"
              + (faulty.size() == 1 ? "" : "s")
              + "; the study needs 2 or more (the first trains, the later ones test)");
    }
    int d = faulty.get(0).length;
    for (int r = 0; r < faulty.size(); r++) {
      if (faulty.get(r).length != d || honest.get(r).length != d) {
        throw new IllegalArgumentException(
            "worker " + worker + ": replica step " + r + " is not of length " + d);
      }
    }
    for (double c : coverages) {
      if (!(c > 0 && c <= 1) || sampleSize(d, c) < 1) {
        throw new IllegalArgumentException(
            "coverage " + c + " leaves no pair of worker " + worker + "'s " + d + " coordinates");
      }
    }
    double maxCoverage = coverages.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    int[] permutation = sample(d, sampleSize(d, maxCoverage), seed, worker);
    double variance = trueVariance(faulty, honest);
    List<Result> results = new ArrayList<>();
    for (double c : coverages) {
      int size = sampleSize(d, c);
      float[] xs = new float[size];
      float[] ys = new float[size];
      for (int i = 0; i < size; i++) {
        xs[i] = faulty.get(0)[permutation[i]];
        ys[i] = honest.get(0)[permutation[i]];
      }
      ReplicaPairs pairs = new ReplicaPairs(List.of(xs), List.of(ys));
      for (Map.Entry<String, Regressor> entry : regressors.entrySet()) {
        long start = System.nanoTime();
        RegressionModel model = entry.getValue().fit(pairs);
        double seconds = (System.nanoTime() - start) / 1e9;
        double mse = 0;
        double mape = 0;
        double relative = 0;
        long tested = 0;
        int steps = faulty.size() - 1;
        for (int r = 1; r < faulty.size(); r++) {
          Errors e = errors(honest.get(r), model.predict(faulty.get(r)), faulty.get(r));
          mse += e.mse();
          mape += e.mape();
          relative += e.relativeMape();
          tested += e.pairs();
        }
        results.add(
            new Result(
                worker,
                entry.getKey(),
                c,
                pairs.usable(),
                seconds,
                mse / steps,
                mape / steps,
                relative / steps,
                steps,
                tested,
                variance));
      }
    }
    return List.copyOf(results);
  }

  /**
   * The errors of {@code predicted} against {@code truth} over the pairs whose corrupted input and
   * true value are finite: the mean squared error, the prototype's MAPE (scikit-learn's {@code
   * mean_absolute_percentage_error(y + 1, ŷ + 1)} = mean |y − ŷ| / max(|y + 1|, ε), ε the double
   * machine epsilon) and the relative one over y ≠ 0 (NaN without such a y).
   */
  static Errors errors(float[] truth, float[] predicted, float[] input) {
    double squares = 0;
    double shifted = 0;
    double ratios = 0;
    long nonZero = 0;
    long n = 0;
    for (int j = 0; j < truth.length; j++) {
      float y = truth[j];
      if (!(Float.isFinite(y) && Float.isFinite(input[j]))) {
        continue;
      }
      double error = (double) y - predicted[j];
      squares += error * error;
      shifted += Math.abs(error) / Math.max(Math.abs(y + 1.0), EPSILON);
      if (y != 0) {
        ratios += Math.abs(error / y);
        nonZero++;
      }
      n++;
    }
    return new Errors(
        n == 0 ? Double.NaN : squares / n,
        n == 0 ? Double.NaN : shifted / n,
        nonZero == 0 ? Double.NaN : ratios / nonZero,
        n);
  }

  /** The variance of the usable true coordinates of the test steps, in double over two passes. */
  private static double trueVariance(List<float[]> faulty, List<float[]> honest) {
    double sum = 0;
    long n = 0;
    for (int r = 1; r < honest.size(); r++) {
      for (int j = 0; j < honest.get(r).length; j++) {
        if (Float.isFinite(honest.get(r)[j]) && Float.isFinite(faulty.get(r)[j])) {
          sum += honest.get(r)[j];
          n++;
        }
      }
    }
    double mean = sum / n;
    double squares = 0;
    for (int r = 1; r < honest.size(); r++) {
      for (int j = 0; j < honest.get(r).length; j++) {
        if (Float.isFinite(honest.get(r)[j]) && Float.isFinite(faulty.get(r)[j])) {
          double dev = honest.get(r)[j] - mean;
          squares += dev * dev;
        }
      }
    }
    return n == 0 ? Double.NaN : squares / n;
  }
}
