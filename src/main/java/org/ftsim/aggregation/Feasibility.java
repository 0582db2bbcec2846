package org.ftsim.aggregation;

/** The precondition messages of the rules, always with both numbers (SPEC §6). */
final class Feasibility {

  private Feasibility() {}

  /** Throws {@code "<rule> needs n <condition>; got n=<n>, <symbol>=<value>"} unless {@code ok}. */
  static void require(boolean ok, String rule, String condition, int n, String symbol, int value) {
    if (!ok) {
      throw new IllegalArgumentException(
          rule + " needs " + condition + "; got n=" + n + ", " + symbol + "=" + value);
    }
  }

  /** The common precondition of a rule tolerating f of n: n > 2f (an honest majority). */
  static void honestMajority(String rule, int n, int f) {
    atLeastOne(n);
    require(n > 2 * f, rule, "n > 2f", n, "f", f);
  }

  /** At least one input row. */
  static void atLeastOne(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("aggregation needs at least one gradient; got n=" + n);
    }
  }

  /** Validates a constructor's count parameter. */
  static int nonNegative(String what, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(what + " must be >= 0; got " + value);
    }
    return value;
  }
}
