package org.ftsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.ftsim.data.InputShape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ResNet-18 as torchvision builds it. */
class ResNet18Test {

  static long trained(Network net) {
    long n = 0;
    for (boolean t : net.trainable()) {
      n += t ? 1 : 0;
    }
    return n;
  }

  /**
   * torchvision's counts: {@code sum(p.numel() for p in resnet18(num_classes=10).parameters())} is
   * 11,181,642; with the CIFAR stem (conv1 = Conv2d(3, 64, 3, padding=1), no max-pool) 11,173,962.
   * The state (running mean and variance) is 2 × the 4,800 batch-norm channels.
   */
  @Test
  void trainedParameterCountsAreTorchvisions() {
    Network imagenet =
        ArchitectureRegistry.get("resnet18").network(new InputShape(3, 32, 32), 10, false);
    Network cifar =
        ArchitectureRegistry.get("resnet18-cifar").network(new InputShape(3, 32, 32), 10, false);
    assertEquals(11_181_642, trained(imagenet));
    assertEquals(11_173_962, trained(cifar));
    assertEquals(2 * 4_800, imagenet.size() - trained(imagenet));
    assertEquals(
        11_181_642,
        trained(ArchitectureRegistry.get("resnet18").network(new InputShape(3, 64, 64), 10, false)),
        "at any input size");
  }

  /** A batch of 3×side×side images and one-hot labels of 10 classes. */
  static Batch batch(int side, int size, long seed) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(seed);
    float[] x = new float[size * 3 * side * side];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) random.nextGaussian();
    }
    float[] y = new float[size * 10];
    for (int i = 0; i < size; i++) {
      y[i * 10 + random.nextInt(10)] = 1;
    }
    return new Batch(x, y, size);
  }

  static Network initialised(String arch, int side) {
    ModelSpec spec = new ModelSpec(arch, new InputShape(3, side, side), 10, false);
    Network net = spec.network();
    net.load(ParamInit.pytorchDefault(spec, 5));
    return net;
  }

  /**
   * The gradient of the mean loss against central differences at 24 coordinates spread over the
   * vector (batch norm in training mode, so the loss is a smooth function of every trained
   * parameter but at ReLU and max-pooling kinks). The sizes keep every batch norm's channel over
   * enough values for float differences to be meaningful: the ImageNet stem needs 32×32 inputs and
   * 16 images (its last stage is 1×1), the CIFAR stem with 16×16 and 8.
   */
  @ParameterizedTest
  @CsvSource({"resnet18, 32, 16, 1e-3", "resnet18-cifar, 16, 8, 1e-3"})
  void gradientMatchesFiniteDifferences(String arch, int side, int size, double h) {
    Network net = initialised(arch, side);
    Batch b = batch(side, size, 1);
    float[] g = new float[net.size()];
    net.gradient(b, 1, g);
    float[] theta = net.parameters();
    boolean[] trained = net.trainable();
    for (int k = 0; k < 24; k++) {
      int i = (int) ((long) k * 7_919_993L % net.size());
      if (!trained[i]) {
        assertEquals(0, g[i], "state positions have no gradient");
        continue;
      }
      float[] plus = theta.clone();
      plus[i] += (float) h;
      net.load(plus);
      double up = net.gradient(b, 1, new float[net.size()]);
      float[] minus = theta.clone();
      minus[i] -= (float) h;
      net.load(minus);
      double down = net.gradient(b, 1, new float[net.size()]);
      net.load(theta);
      double fd = (up - down) / (2 * h);
      assertEquals(fd, g[i], 2e-3 + 2e-2 * Math.abs(fd), arch + " coordinate " + i);
    }
  }

  /**
   * Evaluation uses the running statistics (changing them changes the output), training the batch's
   * own (the gradient does not depend on them), and a worker reports its batch's mean and unbiased
   * variance: the first batch norm's running state set from one batch's statistics gives, for that
   * batch, outputs the training pass would give.
   */
  @Test
  void trainingNormalisesByTheBatchEvaluationByTheRunningStatistics() {
    Network net = initialised("resnet18-cifar", 8);
    Batch b = batch(8, 4, 2);
    float[] g1 = new float[net.size()];
    net.gradient(b, 1, g1);
    float[] stats = net.batchStatistics();
    int[] state = net.statePositions();
    assertEquals(state.length, stats.length);
    float[] before = net.output(b.features(), 4);
    float[] theta = net.parameters();
    for (int i = 0; i < state.length; i++) {
      theta[state[i]] = stats[i];
    }
    net.load(theta);
    float[] after = net.output(b.features(), 4);
    assertFalse(java.util.Arrays.equals(before, after), "the output reads the running statistics");
    float[] g2 = new float[net.size()];
    net.gradient(b, 1, g2);
    assertArrayEquals(g1, g2, "the training pass does not");
    // The stem's batch norm: the mean of its 64 means over channels is finite and the variances
    // positive (unbiased, from 4 × 8 × 8 = 256 values a channel).
    for (int i = 0; i < state.length; i++) {
      assertTrue(Float.isFinite(stats[i]));
    }
  }
}
