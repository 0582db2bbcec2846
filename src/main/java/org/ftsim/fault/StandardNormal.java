package org.ftsim.fault;

import java.util.SplittableRandom;

/**
 * Standard normal draws N(0, 1) by the Marsaglia polar method: draw (u, v) uniformly in the square
 * [−1, 1)², reject unless 0 < s = u² + v² < 1, and return the pair u·m, v·m with m = sqrt(−2 ln s /
 * s), two independent exact normals per accepted point (acceptance π/4). The method is exact up to
 * floating-point resolution (no tables or approximations), and it uses {@link StrictMath#log} and
 * {@link Math#sqrt} (correctly rounded), so the same generator gives the same bits on every JVM
 * release and platform, which {@code RandomGenerator.nextGaussian()} (an unspecified algorithm,
 * McFarland's ziggurat in Java 17) does not promise.
 *
 * <p>Marsaglia, G. and Bray, T. A. (1964), "A convenient method for generating normal variables",
 * SIAM Review 6(3), 260–264.
 */
final class StandardNormal {

  private final SplittableRandom random;
  private double spare;
  private boolean hasSpare;

  /** Draws from {@code random}, which the sampler then owns. */
  StandardNormal(SplittableRandom random) {
    this.random = random;
  }

  /** The next N(0, 1) draw. */
  double next() {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    double u;
    double v;
    double s;
    do {
      u = 2 * random.nextDouble() - 1;
      v = 2 * random.nextDouble() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s == 0);
    double m = Math.sqrt(-2 * StrictMath.log(s) / s);
    spare = v * m;
    hasSpare = true;
    return u * m;
  }
}
