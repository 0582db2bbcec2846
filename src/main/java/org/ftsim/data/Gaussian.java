package org.ftsim.data;

import java.util.SplittableRandom;

/** Standard normal draws by the Marsaglia polar method. */
final class Gaussian {

  private Gaussian() {}

  /** One N(0, 1) draw from {@code random} (two or more of its doubles). */
  static double next(SplittableRandom random) {
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    return u * Math.sqrt(-2 * Math.log(s) / s);
  }
}
