package org.ftsim.fault;

/** The checks fault constructors share, each throwing a one-line message naming the value. */
final class Parameters {

  private Parameters() {}

  static void requireFinite(String name, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException(name + " must be a finite number; got " + value);
    }
  }

  static void requireNonNegative(String name, double value) {
    if (!(value >= 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be a finite number >= 0; got " + value);
    }
  }

  static void requirePositive(String name, double value) {
    if (!(value > 0) || value == Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(name + " must be a finite number > 0; got " + value);
    }
  }
}
