package org.ftsim.optim;

import java.util.List;
import java.util.Locale;

/**
 * A worker's momentum (Karimireddy, He and Jaggi, 2021, "Learning from History for Byzantine Robust
 * Optimization"; Farhadkhani et al., 2022): each honest worker sends m_t rather than its gradient
 * g_t, m_0 = 0, updated in place by
 *
 * <ul>
 *   <li>{@code dampened}: m ← β·m + (1 − β)·g, ByzFL's {@code
 *       Client.get_flat_gradients_with_momentum};
 *   <li>{@code plain}: m ← β·m + g, the bucketing code's {@code MomentumWorker} (whose first m is
 *       g, the same as from m_0 = 0).
 * </ul>
 *
 * With β = 0 both send the gradient itself.
 */
public final class WorkerMomentum {

  /** How the momentum accumulates. */
  public enum Update {
    DAMPENED,
    PLAIN
  }

  /** The valid update names. */
  public static final List<String> UPDATES = List.of("dampened", "plain");

  private final float beta;
  private final float gradientWeight;

  /** Momentum β in [0, 1) with update {@code update}. */
  public WorkerMomentum(double beta, Update update) {
    if (!(beta >= 0 && beta < 1)) {
      throw new IllegalArgumentException("the worker momentum must be in [0, 1); got " + beta);
    }
    this.beta = (float) beta;
    this.gradientWeight = update == Update.DAMPENED ? (float) (1 - beta) : 1f;
  }

  /** Parses {@code dampened} or {@code plain}. */
  public static Update update(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "dampened" -> Update.DAMPENED;
      case "plain" -> Update.PLAIN;
      default ->
          throw new IllegalArgumentException(
              "unknown momentum update '" + name + "'; valid: " + String.join(", ", UPDATES));
    };
  }

  /** Whether it changes anything (β &gt; 0). */
  public boolean isActive() {
    return beta > 0;
  }

  /** m ← β·m + w·g in place, w = 1 − β (dampened) or 1 (plain). */
  public void accumulate(float[] momentum, float[] gradient) {
    for (int j = 0; j < momentum.length; j++) {
      momentum[j] = beta * momentum[j] + gradientWeight * gradient[j];
    }
  }
}
