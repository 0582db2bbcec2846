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

  /** As {@link Vectors#selfAndCross}. */
  static double[] selfAndCross(float[] x, float[] m) {
    DoubleVector s = DoubleVector.zero(DOUBLES);
    DoubleVector c = DoubleVector.zero(DOUBLES);
    int j = 0;
    int to = x.length;
    for (; j + 3 < to; j += 4) {
      DoubleVector xv = widen(x, j);
      s = s.add(xv.mul(xv));
      c = c.add(xv.mul(widen(m, j)));
    }
    double s0 = s.lane(0);
    double c0 = c.lane(0);
    for (; j < to; j++) {
      double xj = x[j];
      s0 += xj * xj;
      c0 += xj * m[j];
    }
    return new double[] {
      (s0 + s.lane(1)) + (s.lane(2) + s.lane(3)), (c0 + c.lane(1)) + (c.lane(2) + c.lane(3))
    };
  }

  private static DoubleVector widen(float[] a, int j) {
    return (DoubleVector)
        FloatVector.fromArray(FLOATS, a, j).convertShape(VectorOperators.F2D, DOUBLES, 0);
  }
}
