package org.ftsim.linalg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The Jacobi eigen-solver against closed forms and the eigen-equation. */
class SymmetricEigenTest {

  @Test
  void twoByTwoInClosedForm() {
    // [[2, 1], [1, 2]]: eigenvalues 3 and 1, the top vector (1, 1)/√2.
    SymmetricEigen.Pair p = SymmetricEigen.largest(new double[][] {{2, 1}, {1, 2}});
    assertEquals(3, p.value(), 1e-14);
    assertEquals(1 / Math.sqrt(2), Math.abs(p.vector()[0]), 1e-14);
    assertEquals(p.vector()[0], p.vector()[1], 1e-14);
    // Diagonal: the largest entry, even negative ones.
    assertEquals(-1, SymmetricEigen.largest(new double[][] {{-3, 0}, {0, -1}}).value());
    assertEquals(5, SymmetricEigen.largestValue(new double[][] {{5}}, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> SymmetricEigen.largest(new double[][] {{Double.NaN}}));
  }

  @Test
  void randomMatricesSatisfyTheEigenEquationAndBoundEveryRayleighQuotient() {
    SplittableRandom random = new SplittableRandom(3);
    for (int m : new int[] {3, 7, 16, 30}) {
      double[][] a = new double[m][m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j <= i; j++) {
          a[i][j] = a[j][i] = random.nextGaussian();
        }
      }
      SymmetricEigen.Pair p = SymmetricEigen.largest(a);
      assertEquals(p.value(), SymmetricEigen.largestValue(a, m), 1e-12);
      double norm = 0;
      for (int i = 0; i < m; i++) {
        double av = 0;
        for (int j = 0; j < m; j++) {
          av += a[i][j] * p.vector()[j];
        }
        assertEquals(p.value() * p.vector()[i], av, 1e-10, "m=" + m + " row " + i);
        norm += p.vector()[i] * p.vector()[i];
      }
      assertEquals(1, norm, 1e-12);
      for (int t = 0; t < 200; t++) {
        double[] x = new double[m];
        double xx = 0;
        for (int i = 0; i < m; i++) {
          x[i] = random.nextGaussian();
          xx += x[i] * x[i];
        }
        double xax = 0;
        for (int i = 0; i < m; i++) {
          for (int j = 0; j < m; j++) {
            xax += x[i] * a[i][j] * x[j];
          }
        }
        assertTrue(xax / xx <= p.value() + 1e-12, "Rayleigh quotient above λ_max at m=" + m);
      }
    }
  }

  @Test
  void tridiagonalReductionKeepsTheEigenvalues() {
    // [[2, 1], [1, 2]]: eigenvalues 1 and 3.
    Tridiagonal two = Tridiagonal.reduce(new double[][] {{2, 1}, {1, 2}}, 2);
    assertEquals(3, two.largest(), 1e-13);
    assertEquals(0, two.countBelow(0.5));
    assertEquals(1, two.countBelow(2));
    assertEquals(2, two.countBelow(3.5));
    SplittableRandom random = new SplittableRandom(5);
    for (int m : new int[] {1, 3, 8, 13, 25}) {
      double[][] a = new double[m][m];
      for (int i = 0; i < m; i++) {
        for (int j = 0; j <= i; j++) {
          a[i][j] = a[j][i] = random.nextGaussian();
        }
      }
      double jacobi = SymmetricEigen.largest(a).value();
      double[][] copy = new double[m][];
      for (int i = 0; i < m; i++) {
        copy[i] = a[i].clone();
      }
      Tridiagonal t = Tridiagonal.reduce(copy, m);
      assertEquals(jacobi, t.largest(), 1e-12 * Math.max(1, Math.abs(jacobi)), "m=" + m);
      assertEquals(m - 1, t.countBelow(jacobi - 1e-9));
      assertEquals(m, t.countBelow(jacobi + 1e-9));
    }
  }
}
