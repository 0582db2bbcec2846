package org.ftsim.linalg;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Vectors}' loops on the JDK's vector API ({@code jdk.incubator.vector}): the four double
 * accumulators of the scalar loops are the four lanes of one 256-bit vector, each lane fed the same
 * products in the same order, so the results are the scalar loops' bits. Loaded only when the JVM
 * runs with {@code --add-modules jdk.incubator.vector} ({@link Vectors#VECTOR_API}).
 */
final class VectorKernels {

  private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_128;
  private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_256;

  private VectorKernels() {}

  /** As {@link Vectors#selfAndCross(float[], float[], int, int, double[])}. */
  static void selfAndCross(float[] x, float[] m, int from, int to, double[] acc) {
    DoubleVector s = DoubleVector.fromArray(DOUBLES, acc, 0);
    DoubleVector c = DoubleVector.fromArray(DOUBLES, acc, 4);
    int j = from;
    for (; j + 3 < to; j += 4) {
      DoubleVector xv = widen(x, j);
      s = s.add(xv.mul(xv));
      c = c.add(xv.mul(widen(m, j)));
    }
    s.intoArray(acc, 0);
    c.intoArray(acc, 4);
    for (; j < to; j++) {
      double xj = x[j];
      acc[0] += xj * xj;
      acc[4] += xj * m[j];
    }
  }

  private static DoubleVector widen(float[] a, int j) {
    return (DoubleVector)
        FloatVector.fromArray(FLOATS, a, j).convertShape(VectorOperators.F2D, DOUBLES, 0);
  }
}
