package org.ftsim.spark;

import org.ftsim.data.Dataset;
import org.ftsim.data.InputShape;
import org.ftsim.model.Network;

/** One worker's gradient: the gradient of its mean loss over a sub-batch of a dataset. */
public final class Gradients {

  private Gradients() {}

  /** A computed gradient as bytes (little-endian floats) and the mean loss. */
  public record Result(byte[] gradient, double loss) {}

  /**
   * {@link #compute(Network, Dataset, int[], boolean, long)} with random seed 0 (fixed masks): for
   * networks without dropout and for tests.
   */
  public static Result compute(Network net, Dataset data, int[] indices, boolean flipLabels) {
    return compute(net, data, indices, flipLabels, 0);
  }

  /**
   * The gradient of the mean loss of {@code net} (at its current parameters) over the samples
   * {@code indices} of {@code data}, on flipped labels when {@code flipLabels}, as {@link
   * Network#gradient} defines it (0 at state entries); dropout masks drawn from {@code randomSeed}.
   */
  public static Result compute(
      Network net, Dataset data, int[] indices, boolean flipLabels, long randomSeed) {
    return compute(net, new float[net.size()], data, indices, flipLabels, randomSeed);
  }

  /**
   * Writes into {@code into} (length n) the gradient of the mean loss of {@code net} (at its
   * current parameters) over the samples {@code indices} of {@code data} on their true labels, as
   * inputs of shape {@code input}, with random draws from {@code randomSeed}, exactly as a worker
   * computes its own (the same batch building and {@link Network#gradient}); returns the mean loss.
   * The driver's root gradient ({@code --root-samples}) is computed so.
   */
  public static double into(
      Network net, Dataset data, InputShape input, int[] indices, long randomSeed, float[] into) {
    return net.gradient(Batches.of(data, indices, false, input), randomSeed, into);
  }

  /**
   * {@link #compute(Network, Dataset, int[], boolean, long)} through {@code scratch} (length n).
   */
  static Result compute(
      Network net,
      float[] scratch,
      Dataset data,
      int[] indices,
      boolean flipLabels,
      long randomSeed) {
    return compute(net, scratch, data, data.shape(), indices, flipLabels, randomSeed);
  }

  /**
   * {@link #compute(Network, Dataset, int[], boolean, long)} through {@code scratch} (length n), on
   * inputs of shape {@code input} (the images resized when it is not the dataset's).
   */
  static Result compute(
      Network net,
      float[] scratch,
      Dataset data,
      InputShape input,
      int[] indices,
      boolean flipLabels,
      long randomSeed) {
    double loss = net.gradient(Batches.of(data, indices, flipLabels, input), randomSeed, scratch);
    return new Result(FloatBytes.encode(scratch), loss);
  }
}
