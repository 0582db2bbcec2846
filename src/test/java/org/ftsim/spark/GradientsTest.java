package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import org.ftsim.data.Dataset;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;
import org.ftsim.model.ParamInit;
import org.ftsim.model.SequentialNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GradientsTest {

  static float[] floats(byte[] bytes) {
    float[] out = new float[bytes.length / 4];
    ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
    return out;
  }

  static double meanLoss(Network net, float[] params, Dataset data, int[] idx) {
    net.load(params);
    return Gradients.compute(net, data, idx, false).loss();
  }

  /**
   * The reported gradient is that of the mean loss: central finite differences of the mean loss
   * agree with it coordinate by coordinate (a missing 1/b would be off by a factor of b = 24).
   */
  @ParameterizedTest
  @ValueSource(strings = {"synthetic", "dummy"})
  void gradientOfTheMeanLossMatchesFiniteDifferences(String name) {
    Dataset data = DatasetRegistry.get(name).load(Path.of("data")).train();
    boolean regression = !data.isClassification();
    ModelSpec spec =
        new ModelSpec(
            DatasetRegistry.get(name).defaultArch(),
            data.shape(),
            regression ? 1 : data.classes(),
            regression);
    float[] params = ParamInit.pytorchDefault(spec, 3);
    Network net = new SequentialNetwork(spec.build());
    int[] idx = new int[24];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = 5 * i + 1;
    }
    net.load(params);
    float[] g = floats(Gradients.compute(net, data, idx, false).gradient());
    assertEquals(params.length, g.length);
    double h = 1e-2;
    int checked = 0;
    for (int j = 0; j < params.length; j += Math.max(1, params.length / 40)) {
      float[] plus = params.clone();
      float[] minus = params.clone();
      plus[j] += (float) h;
      minus[j] -= (float) h;
      double fd = (meanLoss(net, plus, data, idx) - meanLoss(net, minus, data, idx)) / (2 * h);
      assertEquals(fd, g[j], 2e-3 + 0.05 * Math.abs(fd), "coordinate " + j);
      checked++;
    }
    assertTrue(checked >= 2);
  }

  @Test
  void flippedLabelsChangeTheGradientAndNothingElseDoes() {
    Dataset data = DatasetRegistry.get("synthetic").load(Path.of("data")).train();
    ModelSpec spec = new ModelSpec("mlp", data.shape(), data.classes(), false);
    float[] params = ParamInit.pytorchDefault(spec, 3);
    Network net = new SequentialNetwork(spec.build());
    net.load(params);
    int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
    byte[] first = Gradients.compute(net, data, idx, false).gradient();
    byte[] again = Gradients.compute(net, data, idx, false).gradient();
    byte[] flipped = Gradients.compute(net, data, idx, true).gradient();
    assertArrayEquals(first, again, "same inputs, same bytes");
    assertTrue(!java.util.Arrays.equals(first, flipped));
  }

  @Test
  void pytorchInitialisationBoundsAndDeterminism() {
    ModelSpec spec = new ModelSpec("mlp", new org.ftsim.data.InputShape(1, 28, 28), 10, false);
    float[] a = ParamInit.pytorchDefault(spec, 1);
    assertEquals(784 * 512 + 512 + 512 * 128 + 128 + 128 * 10 + 10, a.length);
    assertArrayEquals(a, ParamInit.pytorchDefault(spec, 1));
    double bound = 1 / Math.sqrt(784);
    double max = 0;
    for (int j = 0; j < 784 * 512 + 512; j++) {
      max = Math.max(max, Math.abs(a[j]));
    }
    assertTrue(max <= bound && max > 0.99 * bound, "first layer within U(−1/√784, 1/√784)");
  }
}
