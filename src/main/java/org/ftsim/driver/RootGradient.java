package org.ftsim.driver;

import org.ftsim.aggregation.Defense;
import org.ftsim.base.Seeds;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.Dataset;
import org.ftsim.data.RootSet;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;
import org.ftsim.spark.Gradients;

/**
 * The server's root gradient g₀ that {@code -df fltrust} scores the reports against ({@code
 * --root-samples N}): at every step, the gradient of the mean loss over the N trusted samples
 * ({@link RootSet}, drawn from the training set with the seed), all of them, on their true labels,
 * at the step's parameters, before the update. The driver computes it with its own network, built
 * from the same {@link ModelSpec} and through the same {@link Gradients#into} as a worker's
 * gradient (dropout masks drawn from the seed and the step), so g₀ depends on the seed, the step
 * and the parameters alone: the same bits whatever {@code --proc}, and a resumed run recomputes it
 * (nothing to checkpoint). Worker momentum ({@code --worker-momentum}) does not apply to it.
 */
final class RootGradient {

  private final ModelSpec model;
  private final Dataset samples;
  private final int[] all;
  private final long seed;
  private Network network;

  private RootGradient(ModelSpec model, Dataset samples, long seed) {
    this.model = model;
    this.samples = samples;
    this.all = new int[samples.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    this.seed = seed;
  }

  /**
   * Refuses, in one line naming both flags, a rule that needs a root gradient without {@code
   * --root-samples}, and root samples for a rule that uses none.
   */
  static void check(SimulationConfig c, Defense defense) {
    int n = c.defense().rootSamples();
    if (defense.needsRoot() && n == 0) {
      throw new ConfigException(
          "-df/--defense",
          c.defense().defense(),
          "scores the reports against the server's root gradient: give --root-samples N, the"
              + " trusted training samples it is computed on (e.g. 100)");
    }
    if (!defense.needsRoot() && n > 0) {
      throw new ConfigException(
          "--root-samples",
          n,
          "only -df fltrust uses the server's root gradient; -df "
              + c.defense().defense()
              + " does not");
    }
  }

  /**
   * The root gradient of run {@code c} over its training set {@code train}, or null when it has no
   * root samples; more root samples than the training set holds are refused.
   */
  static RootGradient of(SimulationConfig c, ModelSpec model, Dataset train) {
    int n = c.defense().rootSamples();
    if (n == 0) {
      return null;
    }
    if (n > train.size()) {
      throw new ConfigException(
          "--root-samples", n, "more than the " + train.size() + " samples of the training set");
    }
    return new RootGradient(model, train.subset(RootSet.draw(train.size(), n, c.seed())), c.seed());
  }

  /** g₀ at {@code params} (not modified) for global step {@code step}: a new array. */
  float[] at(float[] params, int step) {
    if (network == null) {
      network = model.network();
    }
    network.load(params);
    float[] g = new float[network.size()];
    Gradients.into(network, samples, model.input(), all, Seeds.derive(seed, Seeds.ROOT, step), g);
    return g;
  }
}
