package org.ftsim.correction;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The training set of one faulty worker's regression: the r replica rows of its corrupted gradient
 * x and of the copied healthy worker's true gradient y, each of length d, seen as r·d coordinate
 * pairs (x_j, y_j). A pair in which either value is not finite (e.g. under the {@code nan} or
 * {@code inf} faults) is <em>unusable</em>: it is left out of fitting and of the training error.
 *
 * <p>The rows are not copied; they must not change while the pairs are in use.
 */
public final class ReplicaPairs {

  private final List<float[]> faulty;
  private final List<float[]> honest;
  private final int dimension;
  private final long usable;
  private final MinMax faultyScale;
  private final MinMax honestScale;
  private final boolean constantInput;
  private final double honestMean;

  /**
   * Pairs of rows.
   *
   * @param faultyRows the corrupted gradients, r ≥ 1 rows of the same length d ≥ 1
   * @param trueRows the true gradients, as many rows as {@code faultyRows}, each of length d
   * @throws IllegalArgumentException when the counts or lengths differ, with both numbers
   */
  public ReplicaPairs(List<float[]> faultyRows, List<float[]> trueRows) {
    if (faultyRows.isEmpty() || faultyRows.size() != trueRows.size()) {
      throw new IllegalArgumentException(
          "replica pairs need as many true rows as faulty rows, at least one; got "
              + faultyRows.size()
              + " faulty, "
              + trueRows.size()
              + " true");
    }
    this.faulty = List.copyOf(faultyRows);
    this.honest = List.copyOf(trueRows);
    this.dimension = faulty.get(0).length;
    if (dimension < 1) {
      throw new IllegalArgumentException("replica rows must not be empty");
    }
    for (int r = 0; r < faulty.size(); r++) {
      if (faulty.get(r).length != dimension || honest.get(r).length != dimension) {
        throw new IllegalArgumentException(
            "replica row "
                + r
                + " has lengths "
                + faulty.get(r).length
                + " (faulty) and "
                + honest.get(r).length
                + " (true); expected "
                + dimension);
      }
    }
    double xMin = Double.POSITIVE_INFINITY;
    double xMax = Double.NEGATIVE_INFINITY;
    double yMin = Double.POSITIVE_INFINITY;
    double yMax = Double.NEGATIVE_INFINITY;
    double ySum = 0;
    long count = 0;
    for (int r = 0; r < faulty.size(); r++) {
      float[] xs = faulty.get(r);
      float[] ys = honest.get(r);
      for (int j = 0; j < dimension; j++) {
        float x = xs[j];
        float y = ys[j];
        if (Float.isFinite(x) && Float.isFinite(y)) {
          xMin = Math.min(xMin, x);
          xMax = Math.max(xMax, x);
          yMin = Math.min(yMin, y);
          yMax = Math.max(yMax, y);
          ySum += y;
          count++;
        }
      }
    }
    this.usable = count;
    this.constantInput = count == 0 || xMax == xMin;
    this.faultyScale = count == 0 ? MinMax.of(0, 1) : MinMax.of(xMin, xMax);
    this.honestScale = count == 0 ? MinMax.of(0, 1) : MinMax.of(yMin, yMax);
    this.honestMean = count == 0 ? 0 : ySum / count;
  }

  /** r, the number of replica rows. */
  public int rows() {
    return faulty.size();
  }

  /** d, the gradient length. */
  public int dimension() {
    return dimension;
  }

  /** The usable pairs: those whose two values are finite. */
  public long usable() {
    return usable;
  }

  /** Row {@code row} of corrupted gradients (not a copy). */
  public float[] faulty(int row) {
    return faulty.get(row);
  }

  /** Row {@code row} of true gradients (not a copy). */
  public float[] honest(int row) {
    return honest.get(row);
  }

  /**
   * Whether the usable x values are all equal (or there are none): no regression is defined, and
   * every regressor returns the constant mean of the usable y ({@link #honestMean()}).
   */
  public boolean constantInput() {
    return constantInput;
  }

  /** The mean of the usable true values; 0 when there are none. */
  public double honestMean() {
    return honestMean;
  }

  MinMax faultyScale() {
    return faultyScale;
  }

  MinMax honestScale() {
    return honestScale;
  }

  /**
   * The min-max scaled usable pairs as {x', y'}, all of them or a uniform sample without
   * replacement of {@code limit} of them (Knuth's selection sampling, in coordinate order).
   *
   * @param limit the most pairs to return, ≥ 1
   * @param random the sampler, drawn from only when {@code limit < usable()}
   */
  double[][] scaled(long limit, SplittableRandom random) {
    long size = Math.min(limit, usable);
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          usable
              + " coordinate pairs do not fit one array; sample at most "
              + (Integer.MAX_VALUE - 8));
    }
    double[] xs = new double[(int) size];
    double[] ys = new double[(int) size];
    boolean all = size == usable;
    long seen = 0;
    int taken = 0;
    for (int r = 0; r < faulty.size() && taken < size; r++) {
      float[] fx = faulty.get(r);
      float[] fy = honest.get(r);
      for (int j = 0; j < dimension && taken < size; j++) {
        float x = fx[j];
        float y = fy[j];
        if (!(Float.isFinite(x) && Float.isFinite(y))) {
          continue;
        }
        // Algorithm S: take this pair with probability (still needed) / (still available).
        if (all || random.nextLong(usable - seen) < size - taken) {
          xs[taken] = faultyScale.scale(x);
          ys[taken] = honestScale.scale(y);
          taken++;
        }
        seen++;
      }
    }
    return new double[][] {xs, ys};
  }
}
