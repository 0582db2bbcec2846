package org.ftsim.model;

/** {@link DenseStack#rowsIndependent} for tests of other packages. */
public final class DenseStackProbe {

  private DenseStackProbe() {}

  /** Whether this BLAS gives {@code rows} rows of a [·, k]·[k, n] product the same bits alone. */
  public static boolean rowsIndependent(int rows, int total, int k, int n) {
    return DenseStack.rowsIndependent(rows, total, k, n);
  }
}
