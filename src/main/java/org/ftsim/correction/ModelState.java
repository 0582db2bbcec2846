package org.ftsim.correction;

import java.util.Objects;

/**
 * A fitted {@link RegressionModel} as plain numbers, for checkpoints: exactly the model, not a
 * recipe to refit it (an MLlib fit would cost seconds and depends on the cluster). The regressors'
 * models are of three kinds: {@code affine} (intercept, slope), {@code steps} (a flattened tree
 * ensemble: ascending input bounds and one more value) and {@code mlp} (a perceptron's sizes and
 * parameters).
 *
 * @param kind {@link #AFFINE} or {@link #STEPS}
 * @param intercept the affine intercept (0 for steps)
 * @param slope the affine slope (0 for steps)
 * @param bounds the step bounds (empty for affine)
 * @param values the step values (empty for affine)
 */
public record ModelState(
    String kind, double intercept, double slope, float[] bounds, float[] values) {

  /** An {@link AffineModel}. */
  public static final String AFFINE = "affine";

  /** A step function, as {@code mllib-gbt} fits. */
  public static final String STEPS = "steps";

  /** A {@link PerceptronModel}: bounds hold its two hidden sizes, values its parameters. */
  public static final String MLP = "mlp";

  public ModelState {
    Objects.requireNonNull(bounds, "bounds");
    Objects.requireNonNull(values, "values");
    if (!kind.equals(AFFINE) && !kind.equals(STEPS) && !kind.equals(MLP)) {
      throw new IllegalArgumentException(
          "unknown model kind '" + kind + "'; valid: " + AFFINE + ", " + STEPS + ", " + MLP);
    }
  }

  /**
   * The numbers of {@code model}.
   *
   * @throws IllegalArgumentException for a model of another kind
   */
  public static ModelState of(RegressionModel model) {
    if (model instanceof AffineModel line) {
      return new ModelState(AFFINE, line.intercept(), line.slope(), new float[0], new float[0]);
    }
    if (model instanceof StepFunction steps) {
      return new ModelState(STEPS, 0, 0, steps.bounds(), steps.values());
    }
    if (model instanceof PerceptronModel mlp) {
      return new ModelState(MLP, 0, 0, new float[] {mlp.first(), mlp.second()}, mlp.parameters());
    }
    throw new IllegalArgumentException(
        "cannot save a correction model of type " + model.getClass().getName());
  }

  /** The model these numbers describe: it predicts exactly as the one they were taken from. */
  public RegressionModel model() {
    if (kind.equals(MLP)) {
      return new PerceptronModel((int) bounds[0], (int) bounds[1], values);
    }
    return kind.equals(AFFINE)
        ? new AffineModel(intercept, slope)
        : new StepFunction(bounds, values);
  }
}
