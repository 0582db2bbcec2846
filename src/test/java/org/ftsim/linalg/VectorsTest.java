package org.ftsim.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The shared kernels: known answers, exact summation order, and no overflow for float input. */
class VectorsTest {

  @Test
  void knownAnswers() {
    float[] a = {1, 2, 3, 4, 5};
    float[] b = {5, 4, 3, 2, 1};
    assertEquals(35, Vectors.dot(a, b));
    assertEquals(55, Vectors.sumOfSquares(a, 0, 5));
    assertEquals(29, Vectors.sumOfSquares(a, 1, 4));
    assertEquals(5, Vectors.norm(new float[] {3, 4}));
    assertEquals(16 + 4 + 0 + 4 + 16, Vectors.squaredDistance(a, b));
    assertEquals(0, Vectors.norm(new float[0]));
    assertThrows(IllegalArgumentException.class, () -> Vectors.dot(a, new float[4]));
    assertThrows(IllegalArgumentException.class, () -> Vectors.squaredDistance(a, new float[4]));
  }

  /** Four accumulators over j mod 4, the tail into the first, then (s0 + s1) + (s2 + s3). */
  @Test
  void theSummationOrderIsFixed() {
    SplittableRandom random = new SplittableRandom(3);
    float[] a = new float[1003];
    float[] b = new float[1003];
    for (int j = 0; j < a.length; j++) {
      a[j] = (float) random.nextGaussian();
      b[j] = (float) random.nextGaussian();
    }
    double[] s = new double[4];
    int j = 0;
    for (; j + 3 < a.length; j += 4) {
      for (int k = 0; k < 4; k++) {
        s[k] += (double) a[j + k] * b[j + k];
      }
    }
    for (; j < a.length; j++) {
      s[0] += (double) a[j] * b[j];
    }
    assertEquals((s[0] + s[1]) + (s[2] + s[3]), Vectors.dot(a, b));
    assertEquals(Vectors.dot(a, a), Vectors.sumOfSquares(a, 0, a.length));
  }

  @Test
  void floatExtremesNeitherOverflowNorHideANonFiniteValue() {
    float[] huge = new float[1000];
    java.util.Arrays.fill(huge, Float.MAX_VALUE);
    assertTrue(Double.isFinite(Vectors.norm(huge)), "squares of floats fit in a double");
    assertTrue(Vectors.allFinite(huge), "a double sum of floats cannot overflow");
    float[] x = {1, 2, 3};
    assertTrue(Vectors.allFinite(x));
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      x[1] = bad;
      assertFalse(Vectors.allFinite(x), "with " + bad);
    }
    assertFalse(Vectors.allFinite(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}));
  }
}
