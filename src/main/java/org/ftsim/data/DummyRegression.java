package org.ftsim.data;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * The prototype's dummy regression: y = x³ for x uniform in [−1, 1], one feature; {@value #TRAIN}
 * training and {@value #TEST} test samples, fixed (not dependent on {@code --seed}).
 */
final class DummyRegression extends GeneratedSource {

  static final int TRAIN = 4096;
  static final int TEST = 1024;

  @Override
  public TrainTest load(Path dataDir) {
    return new TrainTest(part(TRAIN, 11), part(TEST, 12));
  }

  private static Dataset part(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n];
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
      y[i] = x[i] * x[i] * x[i];
    }
    return new Dataset("dummy", new Features.Floats(x, 1), null, y, 0, InputShape.flat(1));
  }
}
