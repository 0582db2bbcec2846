package org.ftsim.data;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A small generated classification set for tests: {@value #CLASSES} Gaussian clusters in {@value
 * #DIMENSION} dimensions with unit noise around centres drawn from N(0, 1.5²); {@value #TRAIN}
 * training and {@value #TEST} test samples, fixed (not dependent on {@code --seed}), like a shipped
 * dataset.
 */
final class GaussianClusters extends GeneratedSource {

  static final int DIMENSION = 16;
  static final int CLASSES = 4;
  static final int TRAIN = 2048;
  static final int TEST = 512;

  @Override
  public TrainTest load(Path dataDir) {
    SplittableRandom random = new SplittableRandom(7);
    float[][] centres = new float[CLASSES][DIMENSION];
    for (float[] c : centres) {
      for (int j = 0; j < DIMENSION; j++) {
        c[j] = (float) (1.5 * Gaussian.next(random));
      }
    }
    return new TrainTest(part(centres, TRAIN, 21), part(centres, TEST, 22));
  }

  private static Dataset part(float[][] centres, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * DIMENSION];
    byte[] y = new byte[n];
    for (int i = 0; i < n; i++) {
      int label = random.nextInt(CLASSES);
      y[i] = (byte) label;
      for (int j = 0; j < DIMENSION; j++) {
        x[i * DIMENSION + j] = (float) (centres[label][j] + Gaussian.next(random));
      }
    }
    return new Dataset(
        "synthetic",
        new Features.Floats(x, DIMENSION),
        y,
        null,
        CLASSES,
        InputShape.flat(DIMENSION));
  }
}
