package org.ftsim.correction;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.ftsim.linalg.Vectors;

/**
 * The correction of SPEC §7: one fitted model per faulty worker, refitted at the end of each
 * replica phase on that phase's pairs, and applied in the correction phase as c = weight ·
 * model(x).
 *
 * <p>Console lines of the prototype, for the driver to print: {@link #initLine(int)} once per
 * faulty worker when correction starts, {@link #TRAINING_LINE} before each fit and {@link
 * Fit#lossLine()} after it. Safe for concurrent use by different workers.
 */
public final class Corrector {

  /** {@code --correct-weight}: the prototype's damping of the prediction. */
  public static final double DEFAULT_WEIGHT = 0.95;

  /** Printed before each fit. */
  public static final String TRAINING_LINE = "[CORRECTION] Training ...";

  private final Regressor regressor;
  private final double weight;
  private final Map<Integer, Fit> fits = new ConcurrentHashMap<>();

  /**
   * A corrector without models.
   *
   * @param regressor fits each worker's model
   * @param weight the factor applied to every prediction, finite and ≥ 0
   * @throws IllegalArgumentException naming a bad weight
   */
  public Corrector(Regressor regressor, double weight) {
    if (!(weight >= 0) || Double.isInfinite(weight)) {
      throw new IllegalArgumentException(
          "correct-weight must be a finite number >= 0; got " + weight);
    }
    this.regressor = regressor;
    this.weight = weight;
  }

  /** {@code [AGG] Init correction model for worker 0}, the prototype's line. */
  public static String initLine(int worker) {
    return "[AGG] Init correction model for worker " + worker;
  }

  /**
   * Fits (or refits) the model of {@code worker} on the pairs of one replica phase and keeps it for
   * {@link #correct}.
   *
   * @param faultyRows the worker's corrupted gradients, one per replica step
   * @param trueRows the true gradients of the healthy workers it copied, in the same order
   * @return the model with its training MSE and MAPE and the fit time
   * @throws IllegalArgumentException when the rows' counts or lengths differ
   */
  public Fit fit(int worker, List<float[]> faultyRows, List<float[]> trueRows) {
    long start = System.nanoTime();
    Fit fit = Fit.of(worker, regressor, new ReplicaPairs(faultyRows, trueRows), start);
    fits.put(worker, fit);
    return fit;
  }

  /**
   * The corrected gradient of {@code worker}: weight × the prediction of its model from {@code
   * faulty}, a new array.
   *
   * @throws IllegalStateException when the worker has no model yet
   */
  public float[] correct(int worker, float[] faulty) {
    Fit fit = fits.get(worker);
    if (fit == null) {
      throw new IllegalStateException(
          "worker " + worker + " has no correction model: no replica phase has fitted one");
    }
    return fit.model().predict(faulty, weight);
  }

  /** Whether {@code worker} has a fitted model. */
  public boolean hasModel(int worker) {
    return fits.containsKey(worker);
  }

  /** The latest fit of {@code worker}, if any: its training report for the corrections table. */
  public Optional<Fit> lastFit(int worker) {
    return Optional.ofNullable(fits.get(worker));
  }

  /** Every worker's latest fit, by worker: the state a checkpoint keeps. */
  public Map<Integer, Fit> fits() {
    return java.util.Collections.unmodifiableMap(new TreeMap<>(fits));
  }

  /** Puts back a fit of {@link #fits()}, e.g. from a checkpoint, as the model of its worker. */
  public void restore(Fit fit) {
    fits.put(fit.worker(), fit);
  }

  /** The factor applied to predictions. */
  public double weight() {
    return weight;
  }

  /** The regressor fitting the models. */
  public Regressor regressor() {
    return regressor;
  }

  /**
   * The true error of a correction: ‖c − h‖ / ‖h‖, the relative L2 distance between the corrected
   * gradient c actually aggregated and the worker's honest gradient h, accumulated in double; for
   * an exactly inverted fault it is |1 − weight|. With h = 0 it is 0 when c = 0 and +∞ otherwise; a
   * non-finite c gives NaN or +∞.
   *
   * @throws IllegalArgumentException when the lengths differ
   */
  public static double trueError(float[] corrected, float[] honest) {
    if (corrected.length != honest.length) {
      throw new IllegalArgumentException(
          "true error needs gradients of one length; got "
              + corrected.length
              + " and "
              + honest.length);
    }
    double distance = Vectors.squaredDistance(corrected, honest);
    double norm = Vectors.sumOfSquares(honest, 0, honest.length);
    if (norm == 0) {
      return distance == 0 ? 0 : Double.POSITIVE_INFINITY;
    }
    return Math.sqrt(distance / norm);
  }

  @Override
  public String toString() {
    return regressor + " x " + weight;
  }
}
