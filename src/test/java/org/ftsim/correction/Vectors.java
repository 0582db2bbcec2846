package org.ftsim.correction;

import java.util.Random;
import org.ftsim.base.Seeds;
import org.ftsim.fault.FaultContext;
import org.ftsim.fault.FaultRegistry;
import org.ftsim.fault.HonestGradients;

/** Seeded test vectors, and faults applied as the simulation applies them. */
final class Vectors {

  private Vectors() {}

  /** d independent N(mean, std²) coordinates. */
  static float[] normal(int d, double mean, double std, long seed) {
    Random random = new Random(seed);
    float[] out = new float[d];
    for (int j = 0; j < d; j++) {
      out[j] = (float) (mean + std * random.nextGaussian());
    }
    return out;
  }

  /** What faulty worker 0 of two reports under fault {@code spec} when its gradient is g. */
  static float[] corrupt(String spec, float[] g, long seed) {
    FaultContext context =
        new FaultContext(
            0,
            1,
            new HonestGradients(new int[] {1}, new float[][] {g}),
            2,
            1,
            Seeds.random(seed, Seeds.FAULT, 0, 1));
    return FaultRegistry.create(spec).corrupt(g, context);
  }

  /** ‖a − b‖ / ‖b‖ in double. */
  static double relativeError(float[] a, float[] b) {
    return Corrector.trueError(a, b);
  }

  /** The unscaled OLS slope cov(x, y) / var(x), the brute-force oracle. */
  static double olsSlope(float[] x, float[] y) {
    double mx = 0;
    double my = 0;
    for (int j = 0; j < x.length; j++) {
      mx += x[j];
      my += y[j];
    }
    mx /= x.length;
    my /= x.length;
    double sxy = 0;
    double sxx = 0;
    for (int j = 0; j < x.length; j++) {
      sxy += (x[j] - mx) * (y[j] - my);
      sxx += (x[j] - mx) * (x[j] - mx);
    }
    return sxy / sxx;
  }

  /** Mean squared difference. */
  static double mse(float[] a, float[] b) {
    double sum = 0;
    for (int j = 0; j < a.length; j++) {
      double e = (double) a[j] - b[j];
      sum += e * e;
    }
    return sum / a.length;
  }
}
