package org.ftsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.FloatBuffer;
import java.util.SplittableRandom;
import org.ftsim.data.InputShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batched pass ({@link Network#gradients} through {@link DenseStack}) against DL4J's own
 * gradient one batch at a time ({@link Network#gradient}): the same bits, gradient and loss, for
 * every way of grouping the same batches, so that grouping workers by partition cannot change a
 * run's numbers whatever {@code --proc}.
 */
class DenseStackTest {

  /** An MNIST-sized mlp (its real layer sizes), 16 batches of 32 and batches of odd sizes. */
  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 5, 8, 16})
  void mlpMatchesBatchByBatchInGroupsOf(int group) {
    ModelSpec spec = new ModelSpec("mlp", InputShape.flat(784), 10, false);
    assertSameBits(spec, 32, 16, group, 11);
  }

  @Test
  void unevenBatchesAndRegression() {
    assertSameBits(new ModelSpec("mlp", InputShape.flat(784), 10, false), 0, 7, 7, 12);
    assertSameBits(new ModelSpec("linear", InputShape.flat(1), 1, true), 0, 9, 4, 13);
    assertSameBits(new ModelSpec("mlp", InputShape.flat(3), 1, true), 0, 5, 5, 14);
  }

  @Test
  void onlyPlainDenseStacks() {
    assertNotNull(DenseStack.of(new ModelSpec("mlp", InputShape.flat(784), 10, false).build()));
    // cnn: convolutions and dropout; lenet5: convolutions.
    assertNull(DenseStack.of(new ModelSpec("cnn", new InputShape(3, 32, 32), 10, false).build()));
    assertNull(DenseStack.of(new ModelSpec("lenet", new InputShape(1, 28, 28), 10, false).build()));
  }

  /** Float buffers over {@code arrays}. */
  static FloatBuffer[] wrap(float[][] arrays) {
    return java.util.Arrays.stream(arrays).map(FloatBuffer::wrap).toArray(FloatBuffer[]::new);
  }

  /**
   * {@code count} batches (of {@code size} rows, or of sizes 1, 2, 3, ... when size is 0) through
   * {@link Network#gradients} in groups of {@code group}, against {@link Network#gradient} each.
   */
  static void assertSameBits(ModelSpec spec, int size, int count, int group, long seed) {
    Network net = spec.network();
    net.load(ParamInit.pytorchDefault(net, seed));
    SplittableRandom random = new SplittableRandom(seed);
    int d = spec.input().size();
    int k = spec.outputs();
    Batch[] batches = new Batch[count];
    for (int v = 0; v < count; v++) {
      int b = size > 0 ? size : v + 1;
      float[] x = new float[b * d];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextDouble();
      }
      float[] y = new float[b * k];
      for (int i = 0; i < b; i++) {
        if (spec.regression()) {
          for (int j = 0; j < k; j++) {
            y[i * k + j] = (float) random.nextGaussian();
          }
        } else {
          y[i * k + random.nextInt(k)] = 1f;
        }
      }
      batches[v] = new Batch(x, y, b);
    }
    float[][] expected = new float[count][net.size()];
    double[] expectedLoss = new double[count];
    for (int v = 0; v < count; v++) {
      expectedLoss[v] = net.gradient(batches[v], v + 1, expected[v]);
    }
    for (int from = 0; from < count; from += group) {
      int n = Math.min(group, count - from);
      Batch[] some = new Batch[n];
      long[] seeds = new long[n];
      float[][] into = new float[n][net.size()];
      for (int v = 0; v < n; v++) {
        some[v] = batches[from + v];
        seeds[v] = from + v + 1;
      }
      double[] losses = net.gradients(some, seeds, wrap(into));
      for (int v = 0; v < n; v++) {
        assertArrayEquals(expected[from + v], into[v], 0f, "batch " + (from + v));
        assertEquals(expectedLoss[from + v], losses[v], 0.0, "loss of batch " + (from + v));
      }
    }
  }
}
