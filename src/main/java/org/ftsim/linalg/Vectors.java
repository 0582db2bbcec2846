package org.ftsim.linalg;

/**
 * Dot products and norms of float vectors, accumulated in double with four fixed accumulators: as
 * fast as one pipelined loop allows, never overflowing for float input, and the same order (so the
 * same bits) on every call, whatever the thread.
 */
public final class Vectors {

  /** Whether the JVM has the vector API ({@code --add-modules jdk.incubator.vector}). */
  static final boolean VECTOR_API =
      ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();

  private Vectors() {}

  /** a·b over [from, to); NaN or ±∞ when a coordinate is non-finite. */
  public static double dot(float[] a, float[] b, int from, int to) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = from;
    for (; j + 3 < to; j += 4) {
      s0 += (double) a[j] * b[j];
      s1 += (double) a[j + 1] * b[j + 1];
      s2 += (double) a[j + 2] * b[j + 2];
      s3 += (double) a[j + 3] * b[j + 3];
    }
    for (; j < to; j++) {
      s0 += (double) a[j] * b[j];
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * {x·x, x·m} in one pass over x: each the same sequence of additions as {@link #dot(float[],
   * float[], int, int)}, so the same bits as two calls, at half the memory traffic of x. On the
   * vector API when the JVM has it (the workers' rows of a step, n × d of these, cost a third as
   * much CPU time): the same bits.
   */
  public static double[] selfAndCross(float[] x, float[] m) {
    if (x.length != m.length) {
      throw new IllegalArgumentException(
          "vectors of lengths " + x.length + " and " + m.length + " have no dot product");
    }
    double[] acc = new double[ACCUMULATORS];
    selfAndCross(x, m, 0, x.length, acc);
    return selfAndCross(acc);
  }

  /** The accumulators of {@link #selfAndCross(float[], float[])}: four of x·x, four of x·m. */
  public static final int ACCUMULATORS = 8;

  /**
   * Continues the {@link #ACCUMULATORS} accumulators of {@link #selfAndCross(float[], float[])}
   * over [from, to), so that a pass can go block by block (while the block is in cache): with
   * {@code from} a multiple of 4 and a partial group of four only at the vectors' end, every
   * accumulator sees the additions of the one-pass loop in its order, and {@link
   * #selfAndCross(double[])} gives its bits.
   */
  public static void selfAndCross(float[] x, float[] m, int from, int to, double[] acc) {
    if (VECTOR_API) {
      VectorKernels.selfAndCross(x, m, from, to, acc);
    } else {
      scalarSelfAndCross(x, m, from, to, acc);
    }
  }

  /**
   * {@link #selfAndCross(float[], float[], int, int, double[])} of two vectors x and y against the
   * same m, in one loop: each vector's accumulators see the additions of its own loop in its order
   * (the same bits), but the two sets of chains are independent, so that the core adds along both
   * at once instead of waiting on one set's latency, and m is read once for both.
   */
  public static void selfAndCross(
      float[] x, float[] y, float[] m, int from, int to, double[] accX, double[] accY) {
    if (VECTOR_API) {
      VectorKernels.selfAndCross(x, m, from, to, accX);
      VectorKernels.selfAndCross(y, m, from, to, accY);
    } else {
      scalarSelfAndCross(x, y, m, from, to, accX, accY);
    }
  }

  /** {x·x, x·m} from the accumulators of a whole pass. */
  public static double[] selfAndCross(double[] acc) {
    return new double[] {
      (acc[0] + acc[1]) + (acc[2] + acc[3]), (acc[4] + acc[5]) + (acc[6] + acc[7])
    };
  }

  /**
   * {@link #selfAndCross(float[], float[], int, int, double[])} without the vector API: the loop of
   * two vectors, with x as both (each vector's accumulators get the bits of its own loop).
   */
  static void scalarSelfAndCross(float[] x, float[] m, int from, int to, double[] acc) {
    scalarSelfAndCross(x, x, m, from, to, acc, new double[ACCUMULATORS]);
  }

  /** {@link #selfAndCross(float[], float[], float[], int, int, double[], double[])}, scalar. */
  static void scalarSelfAndCross(
      float[] x, float[] y, float[] m, int from, int to, double[] accX, double[] accY) {
    double s0 = accX[0];
    double s1 = accX[1];
    double s2 = accX[2];
    double s3 = accX[3];
    double c0 = accX[4];
    double c1 = accX[5];
    double c2 = accX[6];
    double c3 = accX[7];
    double t0 = accY[0];
    double t1 = accY[1];
    double t2 = accY[2];
    double t3 = accY[3];
    double e0 = accY[4];
    double e1 = accY[5];
    double e2 = accY[6];
    double e3 = accY[7];
    int j = from;
    for (; j + 3 < to; j += 4) {
      double m0 = m[j];
      double m1 = m[j + 1];
      double m2 = m[j + 2];
      double m3 = m[j + 3];
      double x0 = x[j];
      double x1 = x[j + 1];
      double x2 = x[j + 2];
      double x3 = x[j + 3];
      double y0 = y[j];
      double y1 = y[j + 1];
      double y2 = y[j + 2];
      double y3 = y[j + 3];
      s0 += x0 * x0;
      s1 += x1 * x1;
      s2 += x2 * x2;
      s3 += x3 * x3;
      c0 += x0 * m0;
      c1 += x1 * m1;
      c2 += x2 * m2;
      c3 += x3 * m3;
      t0 += y0 * y0;
      t1 += y1 * y1;
      t2 += y2 * y2;
      t3 += y3 * y3;
      e0 += y0 * m0;
      e1 += y1 * m1;
      e2 += y2 * m2;
      e3 += y3 * m3;
    }
    for (; j < to; j++) {
      double xj = x[j];
      double yj = y[j];
      s0 += xj * xj;
      c0 += xj * m[j];
      t0 += yj * yj;
      e0 += yj * m[j];
    }
    accX[0] = s0;
    accX[1] = s1;
    accX[2] = s2;
    accX[3] = s3;
    accX[4] = c0;
    accX[5] = c1;
    accX[6] = c2;
    accX[7] = c3;
    accY[0] = t0;
    accY[1] = t1;
    accY[2] = t2;
    accY[3] = t3;
    accY[4] = e0;
    accY[5] = e1;
    accY[6] = e2;
    accY[7] = e3;
  }

  /** a·b. */
  public static double dot(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of lengths " + a.length + " and " + b.length + " have no dot product");
    }
    return dot(a, b, 0, a.length);
  }

  /** Σ x_j² over [from, to). */
  public static double sumOfSquares(float[] x, int from, int to) {
    return dot(x, x, from, to);
  }

  /** The Euclidean norm ‖x‖; NaN or +∞ when x has a non-finite coordinate. */
  public static double norm(float[] x) {
    return Math.sqrt(dot(x, x, 0, x.length));
  }

  /** ‖a − b‖², the differences taken in double. */
  public static double squaredDistance(float[] a, float[] b) {
    if (a.length != b.length) {
      throw new IllegalArgumentException(
          "vectors of lengths " + a.length + " and " + b.length + " have no distance");
    }
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double s3 = 0;
    int j = 0;
    for (; j + 3 < a.length; j += 4) {
      double d0 = (double) a[j] - b[j];
      double d1 = (double) a[j + 1] - b[j + 1];
      double d2 = (double) a[j + 2] - b[j + 2];
      double d3 = (double) a[j + 3] - b[j + 3];
      s0 += d0 * d0;
      s1 += d1 * d1;
      s2 += d2 * d2;
      s3 += d3 * d3;
    }
    for (; j < a.length; j++) {
      double d = (double) a[j] - b[j];
      s0 += d * d;
    }
    return (s0 + s1) + (s2 + s3);
  }

  /**
   * Whether every coordinate of {@code x} is finite: whether no exponent field is all ones. Adding
   * one to the exponent field carries into the sign bit exactly when it is all ones (±∞, NaN); the
   * OR of those sums is one vectorised pass, where a running sum would wait on each addition.
   */
  public static boolean allFinite(float[] x) {
    int carries = 0;
    for (float v : x) {
      carries |= (Float.floatToRawIntBits(v) & 0x7f800000) + 0x00800000;
    }
    return carries >= 0;
  }
}
