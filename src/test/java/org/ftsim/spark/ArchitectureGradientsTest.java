package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.data.CifarFiles;
import org.ftsim.data.Dataset;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;
import org.ftsim.model.ParamInit;
import org.ftsim.model.SequentialNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One real step's gradient of every architecture against central finite differences of the mean
 * loss, with the dropout masks of the step held fixed (the same random seed for every evaluation).
 */
class ArchitectureGradientsTest {

  static final long RANDOM_SEED = 1234;

  static Dataset data(String arch) {
    return switch (arch) {
      case "linear" -> DatasetRegistry.get("dummy").load(Path.of("data")).train();
      case "mlp" -> DatasetRegistry.get("synthetic").load(Path.of("data")).train();
      default -> CifarFiles.dataset(64, 5);
    };
  }

  static ModelSpec spec(String arch, Dataset data) {
    boolean regression = !data.isClassification();
    return new ModelSpec(arch, data.shape(), regression ? 1 : data.classes(), regression);
  }

  static Gradients.Result compute(Network net, float[] params, Dataset data, int[] idx) {
    net.load(params);
    return Gradients.compute(net, data, idx, false, RANDOM_SEED);
  }

  /**
   * For each parameter array (weights and biases of every layer), its three coordinates of largest
   * gradient, and the derivative along the whole gradient's direction, agree with central
   * differences of the mean loss. h = 1e-3 on a float network: small enough that few ReLU or
   * max-pooling kinks fall within ±h of a sample's activation (at h = 1e-2 a hidden bias of the cnn
   * was off by 11% for that reason), large enough that the float rounding of the loss (~2e-7) stays
   * well inside the tolerance.
   */
  @ParameterizedTest
  @CsvSource({"linear, 24", "mlp, 24", "cnn, 8", "lenet, 8"})
  void gradientMatchesFiniteDifferences(String arch, int batch) {
    Dataset data = data(arch);
    ModelSpec spec = spec(arch, data);
    float[] params = ParamInit.pytorchDefault(spec, 3);
    MultiLayerNetwork layers = spec.build();
    Network net = new SequentialNetwork(layers);
    int[] idx = new int[batch];
    for (int i = 0; i < batch; i++) {
      idx[i] = 3 * i + 1;
    }
    float[] g = GradientsTest.floats(compute(net, params, data, idx).gradient());
    assertEquals(params.length, g.length);
    double h = 1e-3;
    int covered = 0;
    int checked = 0;
    for (Map.Entry<String, INDArray> block : layers.paramTable().entrySet()) {
      // Blocks are views of the flat vector (a convolution stores its biases first).
      int offset = (int) block.getValue().offset();
      int length = (int) block.getValue().length();
      Integer[] order = new Integer[length];
      for (int i = 0; i < length; i++) {
        order[i] = offset + i;
      }
      Arrays.sort(order, (a, b) -> Float.compare(Math.abs(g[b]), Math.abs(g[a])));
      for (int r = 0; r < Math.min(3, length); r++) {
        int j = order[r];
        float[] plus = params.clone();
        float[] minus = params.clone();
        plus[j] += (float) h;
        minus[j] -= (float) h;
        double fd =
            (compute(net, plus, data, idx).loss() - compute(net, minus, data, idx).loss())
                / (2 * h);
        assertEquals(
            fd, g[j], 1e-3 + 0.05 * Math.abs(fd), arch + " " + block.getKey() + " coordinate " + j);
        checked++;
      }
      covered += length;
    }
    assertEquals(params.length, covered);
    assertTrue(checked >= Math.min(6, params.length));

    // Along the gradient: the slope of the loss is |g| (a missing 1/b would be off by b).
    double norm = 0;
    for (float v : g) {
      norm += (double) v * v;
    }
    norm = Math.sqrt(norm);
    float[] plus = params.clone();
    float[] minus = params.clone();
    double step = 1e-2 / norm;
    for (int j = 0; j < params.length; j++) {
      plus[j] += (float) (step * g[j]);
      minus[j] -= (float) (step * g[j]);
    }
    double slope =
        (compute(net, plus, data, idx).loss() - compute(net, minus, data, idx).loss()) / (2e-2);
    assertEquals(norm, slope, 0.05 * norm, arch + ": directional derivative along g");
  }

  @Test
  void dropoutMasksFollowTheSeedOnAnyThread() throws Exception {
    Dataset data = data("cnn");
    ModelSpec spec = spec("cnn", data);
    float[] params = ParamInit.pytorchDefault(spec, 3);
    int[] idx = {0, 1, 2, 3, 4, 5, 6, 7};
    Network net = new SequentialNetwork(spec.build());
    net.load(params);
    byte[] first = Gradients.compute(net, data, idx, false, 7).gradient();
    byte[] again = Gradients.compute(net, data, idx, false, 7).gradient();
    byte[] other = Gradients.compute(net, data, idx, false, 8).gradient();
    // libnd4j ignores a zero seed; compute must still give fixed masks for it.
    byte[] zero = Gradients.compute(net, data, idx, false, 0).gradient();
    Gradients.compute(net, data, new int[] {9, 10, 11}, false, 3);
    assertArrayEquals(zero, Gradients.compute(net, data, idx, false, 0).gradient(), "seed 0");
    byte[] elsewhere =
        CompletableFuture.supplyAsync(
                () -> {
                  Network own = new SequentialNetwork(spec.build());
                  own.load(params);
                  return Gradients.compute(own, data, idx, false, 7).gradient();
                })
            .get();
    assertArrayEquals(first, again, "same seed, same masks, same bytes");
    assertArrayEquals(first, elsewhere, "another thread and network: same bytes");
    assertFalse(Arrays.equals(first, other), "another seed draws other masks");
  }

  /** Parameter counts as PyTorch's for CIFAR (3×32×32) and MNIST (1×28×28) inputs. */
  @ParameterizedTest
  @CsvSource({
    "cnn, 3, 32, 2072902",
    "lenet, 3, 32, 62006",
    "cnn, 1, 28, 1592326",
    "lenet, 1, 28, 44426"
  })
  void convolutionalNetworksHaveThePyTorchShapesAndInitialisation(
      String arch, int channels, int side, int parameters) {
    ModelSpec spec =
        new ModelSpec(arch, new org.ftsim.data.InputShape(channels, side, side), 10, false);
    float[] p = ParamInit.pytorchDefault(spec, 1);
    assertEquals(parameters, p.length);
    // The first convolution: out·in·k·k weights and its biases, all within 1/√(in·k·k).
    int k = arch.equals("cnn") ? 3 : 5;
    int out = arch.equals("cnn") ? 32 : 6;
    double bound = 1 / Math.sqrt(channels * k * k);
    double max = 0;
    for (int j = 0; j < out * channels * k * k + out; j++) {
      max = Math.max(max, Math.abs(p[j]));
    }
    assertTrue(max <= bound && max > 0.9 * bound, arch + ": " + max + " vs " + bound);
  }
}
