package org.ftsim.correction;

/**
 * A regression method: fits a map from a faulty worker's corrupted gradient coordinates x to the
 * true ones y, one coordinate at a time (a univariate regression over all r·d pairs, as the
 * prototype), on min-max scaled x and y with predictions mapped back to gradient units.
 *
 * <p>Every regressor returns the constant mean of the usable y when the usable x are constant
 * ({@link ReplicaPairs#constantInput()}), and leaves unusable (non-finite) pairs out. Regressors
 * are immutable; one instance may fit models for several workers.
 */
public interface Regressor {

  /** Fits a model to the usable pairs. */
  RegressionModel fit(ReplicaPairs pairs);
}
