package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The noise faults: reproducible bits per (seed, worker, step) and the right distribution. */
class RandomFaultTest {

  private static final int D = 100_000;

  private static FaultContext context(long seed, int worker, long step) {
    return Contexts.of(worker, step, 4, new int[] {0, 1}, new float[][] {{0}, {0}}, seed);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 42, -7})
  void sameSeedWorkerAndStepGiveTheSameBits(long seed) {
    float[] g = new float[1000];
    for (Fault fault : new Fault[] {new GaussianNoise(1), new RandomGaussian(2)}) {
      float[] a = fault.corrupt(g, context(seed, 3, 17));
      assertArrayEquals(a, fault.corrupt(g, context(seed, 3, 17)));
      assertFalse(Arrays.equals(a, fault.corrupt(g, context(seed, 3, 18))), "another step");
      assertFalse(Arrays.equals(a, fault.corrupt(g, context(seed, 2, 17))), "another worker");
      assertFalse(Arrays.equals(a, fault.corrupt(g, context(seed + 1, 3, 17))), "another seed");
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void gaussianAddsZeroMeanNoiseOfTheGivenStd(long seed) {
    float[] g = new float[D];
    for (int j = 0; j < D; j++) {
      g[j] = (float) Math.sin(j);
    }
    float[] out = new GaussianNoise(2).corrupt(g, context(seed, 3, 1));
    double[] noise = new double[D];
    for (int j = 0; j < D; j++) {
      noise[j] = out[j] - g[j];
    }
    assertNormal(noise, 2);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void randomIsPureNoiseOfTheGivenStd(long seed) {
    float[] g = new float[D];
    Arrays.fill(g, 1e6f);
    float[] out = new RandomGaussian(0.5).corrupt(g, context(seed, 3, 1));
    double[] noise = new double[D];
    for (int j = 0; j < D; j++) {
      noise[j] = out[j];
    }
    assertNormal(noise, 0.5);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void polarSamplerIsStandardNormal(long seed) {
    StandardNormal normal = new StandardNormal(new SplittableRandom(seed));
    double[] x = new double[D];
    for (int j = 0; j < D; j++) {
      x[j] = normal.next();
    }
    assertNormal(x, 1);
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2})
  void zeroStdGivesTheGradientOrZero(long seed) {
    float[] g = {1, -2, 3};
    assertArrayEquals(g, new GaussianNoise(0).corrupt(g, context(seed, 3, 1)));
    // 0·x is −0 for a negative draw: equal to 0 numerically, not bitwise.
    assertArrayEquals(new float[3], new RandomGaussian(0).corrupt(g, context(seed, 3, 1)), 0);
  }

  /**
   * Sample mean within 5 standard errors of 0 (σ/√n = 0.0032σ), sample std within 2% of σ (its
   * standard error is σ/√(2n) = 0.22%), and the N(0, 1) probabilities of |x| < σ (0.6827) and |x| <
   * 2σ (0.9545) within 0.01 (standard errors 0.0015 and 0.0007); all far beyond chance failures.
   */
  private static void assertNormal(double[] x, double sigma) {
    int n = x.length;
    double sum = 0;
    for (double v : x) {
      sum += v;
    }
    double mean = sum / n;
    double squares = 0;
    int within1 = 0;
    int within2 = 0;
    for (double v : x) {
      squares += (v - mean) * (v - mean);
      within1 += Math.abs(v) < sigma ? 1 : 0;
      within2 += Math.abs(v) < 2 * sigma ? 1 : 0;
    }
    double std = Math.sqrt(squares / (n - 1));
    assertEquals(0, mean, 5 * sigma / Math.sqrt(n), "mean");
    assertEquals(sigma, std, 0.02 * sigma, "std");
    assertEquals(0.6827, within1 / (double) n, 0.01, "P(|x| < σ)");
    assertEquals(0.9545, within2 / (double) n, 0.01, "P(|x| < 2σ)");
    assertTrue(Arrays.stream(x).allMatch(Double::isFinite));
  }
}
