package org.ftsim.linalg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
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

  /** One pass for the metrics' ‖x‖² and x·m gives the bits of the two separate kernels. */
  @Test
  void selfAndCrossIsNormAndDotBitForBit() {
    assertEquals(
        35, Vectors.selfAndCross(new float[] {1, 2, 3, 4, 5}, new float[] {5, 4, 3, 2, 1})[1]);
    assertEquals(25, Vectors.selfAndCross(new float[] {3, 4}, new float[] {0, 0})[0]);
    SplittableRandom random = new SplittableRandom(3);
    for (int n : new int[] {0, 1, 3, 4, 7, 1000, 468_874}) {
      float[] x = new float[n];
      float[] m = new float[n];
      for (int j = 0; j < n; j++) {
        x[j] = (float) (random.nextGaussian() * 1e-3);
        m[j] = (float) random.nextGaussian();
      }
      double[] sc = Vectors.selfAndCross(x, m);
      assertEquals(
          Double.doubleToLongBits(Vectors.norm(x)), Double.doubleToLongBits(Math.sqrt(sc[0])));
      assertEquals(Double.doubleToLongBits(Vectors.dot(x, m)), Double.doubleToLongBits(sc[1]));
    }
    assertThrows(
        IllegalArgumentException.class, () -> Vectors.selfAndCross(new float[2], new float[3]));
  }

  /**
   * The vector API's kernel (on in this suite: surefire runs with {@code --add-modules
   * jdk.incubator.vector}) gives the scalar loop's bits, extreme and non-finite values included.
   */
  @Test
  void theVectorKernelGivesTheScalarLoopsBits() {
    assertTrue(Vectors.VECTOR_API, "the test JVM runs without jdk.incubator.vector");
    float[] special = {
      Float.NaN,
      Float.POSITIVE_INFINITY,
      Float.NEGATIVE_INFINITY,
      Float.MAX_VALUE,
      -Float.MAX_VALUE,
      Float.MIN_VALUE,
      -0f,
      0f,
      1e-30f,
      3e30f
    };
    SplittableRandom random = new SplittableRandom(5);
    for (int n : new int[] {0, 1, 2, 3, 4, 5, 7, 8, 9, 31, 1001, 468_874}) {
      for (int trial = 0; trial < 4; trial++) {
        float[] x = new float[n];
        float[] m = new float[n];
        for (int j = 0; j < n; j++) {
          x[j] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(-20, 20)));
          m[j] = (float) random.nextGaussian();
          if (trial > 1 && random.nextInt(50) == 0) {
            x[j] = special[random.nextInt(special.length)];
          }
          if (trial == 3 && random.nextInt(50) == 0) {
            m[j] = special[random.nextInt(special.length)];
          }
        }
        double[] vectorAcc = new double[Vectors.ACCUMULATORS];
        VectorKernels.selfAndCross(x, m, 0, n, vectorAcc);
        double[] scalarAcc = new double[Vectors.ACCUMULATORS];
        Vectors.scalarSelfAndCross(x, m, 0, n, scalarAcc);
        double[] vector = Vectors.selfAndCross(vectorAcc);
        double[] scalar = Vectors.selfAndCross(scalarAcc);
        for (int k = 0; k < 2; k++) {
          assertEquals(
              Double.doubleToLongBits(scalar[k]),
              Double.doubleToLongBits(vector[k]),
              "n=" + n + " trial " + trial + " term " + k);
        }
      }
    }
  }

  /**
   * Block by block (blocks starting at multiples of 4, a partial group of four only at the end),
   * both kernels give the one-pass bits, whatever the block sizes.
   */
  @Test
  void blockByBlockGivesTheOnePassBits() {
    SplittableRandom random = new SplittableRandom(11);
    for (int n : new int[] {0, 3, 4, 9, 1001, 100_003}) {
      float[] x = new float[n];
      float[] m = new float[n];
      for (int j = 0; j < n; j++) {
        x[j] = (float) random.nextGaussian();
        m[j] = (float) (random.nextGaussian() * 1e-2);
      }
      double[] whole = Vectors.selfAndCross(x, m);
      for (int trial = 0; trial < 5; trial++) {
        double[] scalar = new double[Vectors.ACCUMULATORS];
        double[] vector = new double[Vectors.ACCUMULATORS];
        for (int from = 0; from < n; ) {
          int to = Math.min(n, from + 4 * random.nextInt(1, 2000));
          Vectors.scalarSelfAndCross(x, m, from, to, scalar);
          VectorKernels.selfAndCross(x, m, from, to, vector);
          from = to;
        }
        for (double[] acc : List.of(scalar, vector)) {
          double[] blocks = Vectors.selfAndCross(acc);
          assertEquals(Double.doubleToLongBits(whole[0]), Double.doubleToLongBits(blocks[0]));
          assertEquals(Double.doubleToLongBits(whole[1]), Double.doubleToLongBits(blocks[1]));
        }
      }
    }
  }

  /** Two vectors against one m in one loop: each gets its own one-pass bits, block by block. */
  @Test
  void twoAtOnceGiveEachItsOwnBits() {
    SplittableRandom random = new SplittableRandom(12);
    for (int n : new int[] {0, 1, 3, 4, 7, 1001, 100_003}) {
      float[] x = new float[n];
      float[] y = new float[n];
      float[] m = new float[n];
      for (int j = 0; j < n; j++) {
        x[j] = (float) random.nextGaussian();
        y[j] = (float) (random.nextGaussian() * 3);
        m[j] = (float) (random.nextGaussian() * 1e-2);
      }
      double[] wholeX = Vectors.selfAndCross(x, m);
      double[] wholeY = Vectors.selfAndCross(y, m);
      double[] accX = new double[Vectors.ACCUMULATORS];
      double[] accY = new double[Vectors.ACCUMULATORS];
      double[] pairX = new double[Vectors.ACCUMULATORS];
      double[] pairY = new double[Vectors.ACCUMULATORS];
      for (int from = 0; from < n; ) {
        int to = Math.min(n, from + 4 * random.nextInt(1, 2000));
        Vectors.scalarSelfAndCross(x, y, m, from, to, accX, accY);
        Vectors.selfAndCross(x, y, m, from, to, pairX, pairY);
        from = to;
      }
      for (double[] acc : List.of(accX, pairX)) {
        assertArrayEquals(wholeX, Vectors.selfAndCross(acc));
      }
      for (double[] acc : List.of(accY, pairY)) {
        assertArrayEquals(wholeY, Vectors.selfAndCross(acc));
      }
    }
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
    assertTrue(Vectors.allFinite(huge), "the largest floats are finite");
    float[] x = {1, 2, 3};
    assertTrue(Vectors.allFinite(x));
    for (float bad : new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
      x[1] = bad;
      assertFalse(Vectors.allFinite(x), "with " + bad);
    }
    assertFalse(Vectors.allFinite(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}));
    // A non-finite value at every position of vectors of several lengths.
    for (int length : new int[] {1, 4, 7, 13}) {
      for (int at = 0; at < length; at++) {
        for (float bad :
            new float[] {Float.NaN, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY}) {
          float[] y = new float[length];
          Arrays.fill(y, -Float.MAX_VALUE);
          assertTrue(Vectors.allFinite(y), "length " + length);
          y[at] = bad;
          assertFalse(Vectors.allFinite(y), bad + " at " + at + " of " + length);
        }
      }
    }
    assertTrue(Vectors.allFinite(new float[0]), "no coordinate, none non-finite");
  }

  /**
   * allFinite against Float.isFinite on every kind of bit pattern (NaN payloads, subnormals, both
   * signs), one bad value at a random place, often enough for the compiled, vectorised loop.
   */
  @Test
  void allFiniteIsFloatIsFiniteOfEveryCoordinate() {
    SplittableRandom random = new SplittableRandom(21);
    int[] bad = {0x7f800000, 0xff800000, 0x7fc00000, 0x7f800001, 0xffffffff, 0x7fbfffff};
    for (int trial = 0; trial < 400; trial++) {
      float[] x = new float[random.nextInt(1, 5000)];
      for (int i = 0; i < x.length; i++) {
        float v;
        do {
          v = Float.intBitsToFloat(random.nextInt());
        } while (!Float.isFinite(v));
        x[i] = v;
      }
      assertTrue(Vectors.allFinite(x), "trial " + trial);
      int at = random.nextInt(x.length);
      x[at] = Float.intBitsToFloat(bad[trial % bad.length]);
      assertFalse(Vectors.allFinite(x), "trial " + trial + ", " + x[at] + " at " + at);
    }
  }
}
