package org.ftsim.model;

import java.nio.FloatBuffer;

/**
 * A network as the workers see it: one flat float32 parameter vector θ of length n = {@link
 * #size()}, the gradient of the mean loss on a batch, and outputs for evaluation.
 *
 * <p>Positions of θ are of two kinds, told apart by {@link #trainable()}. Trained parameters
 * (weights, biases, batch-norm γ and β) are what gradients, faults, aggregation and the optimizer
 * act on. State entries (batch normalisation's running mean and variance) are not differentiated:
 * the loss in training mode does not depend on them, so {@link #gradient} reports 0 there, and
 * their per-batch update is read separately through {@link #stateUpdate()}.
 *
 * <p>Not thread-safe: one instance per thread.
 */
public interface Network {

  /** n, the length of the flat parameter vector, of every gradient and of {@link #trainable()}. */
  int size();

  /**
   * A new array of length n: true at trained parameters, false at state entries (for a DL4J
   * network, the parameters its updater does not divide by the minibatch size: BatchNormalization's
   * {@code mean} and {@code var} or {@code log10stdev}).
   */
  boolean[] trainable();

  /** Overwrites θ in place with {@code params} (length n). */
  void load(float[] params);

  /** A copy of the current θ. */
  float[] parameters();

  /**
   * Writes into {@code into} (length n) the gradient of the mean loss over {@code batch}, (1/b)·Σᵢ
   * ∇ℓᵢ(θ), in training mode, and returns that mean loss. Entries at state positions are 0. Random
   * draws (dropout masks) come from a generator seeded with {@code randomSeed}, so the same (θ,
   * batch, seed) gives the same bits on any thread of any machine.
   */
  double gradient(Batch batch, long randomSeed, float[] into);

  /**
   * {@link #gradient} for several batches: writes at the position of {@code into[v]} (n floats
   * remaining) the gradient of the mean loss over {@code batches[v]} with random draws from {@code
   * randomSeeds[v]}, and returns the mean losses; the same bits as {@link #gradient} batch by
   * batch, in that order ({@link #stateUpdate()} and {@link #batchStatistics()} then describe the
   * last batch). A network may compute them in one batched pass ({@link #batches()}). The buffers
   * may wrap the bytes that carry the gradients (little-endian), so that nothing is copied twice.
   */
  default double[] gradients(Batch[] batches, long[] randomSeeds, FloatBuffer[] into) {
    double[] losses = new double[batches.length];
    float[] scratch = new float[size()];
    for (int v = 0; v < batches.length; v++) {
      losses[v] = gradient(batches[v], randomSeeds[v], scratch);
      into[v].put(scratch);
    }
    return losses;
  }

  /** Whether {@link #gradients} computes several batches in one pass (else one after another). */
  default boolean batches() {
    return false;
  }

  /**
   * The state update u of the last {@link #gradient} call, length n, 0 at trained positions: the
   * running statistics after that batch are θ − u at state positions (DL4J's "distributed safe"
   * form: for the running mean, u = (1 − decay)·(mean − batch mean)). All zeros before any call.
   */
  float[] stateUpdate();

  /** The state positions, ascending: where {@link #trainable()} is false. */
  int[] statePositions();

  /**
   * The statistics of the last {@link #gradient} call's batch at the {@link #statePositions()}, in
   * that order: each batch normalisation's batch mean at its running-mean positions and its
   * <em>unbiased</em> batch variance (over the m = batch × height × width values of a channel,
   * times m/(m − 1), as PyTorch's running update uses it) at its running-variance positions.
   *
   * @throws IllegalStateException when a batch normalisation updates its own running statistics (a
   *     decay other than 0), whose update then hides the batch's statistics
   */
  float[] batchStatistics();

  /**
   * The outputs in inference mode (running statistics, no dropout) for {@code rows} inputs, given
   * row-major in {@code features}; row-major, {@code rows} × outputs (class probabilities for
   * classification).
   */
  float[] output(float[] features, int rows);

  /**
   * The floats of every layer's activations for one input of {@code inputSize} floats in inference
   * mode, input included: how much memory an {@link #output} pass needs per row. 0: not known.
   */
  default long activationsPerSample(int inputSize) {
    return 0;
  }
}
