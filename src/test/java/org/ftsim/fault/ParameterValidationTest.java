package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every constructor rejects bad parameters with a one-line message naming the value. */
class ParameterValidationTest {

  private static void rejects(String expectedMessage, Runnable construct) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, construct::run);
    assertEquals(expectedMessage, e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void nonFiniteValuesAreRejectedEverywhere(double bad) {
    rejects("scale factor must be a finite number; got " + bad, () -> new Scale(bad));
    rejects("add constant must be a finite number; got " + bad, () -> new Add(bad));
    rejects("power exponent must be a finite number; got " + bad, () -> new Power(bad));
    rejects("alie z must be a finite number; got " + bad, () -> new ALittleIsEnough(bad));
    rejects("gaussian std must be a finite number >= 0; got " + bad, () -> new GaussianNoise(bad));
    rejects("random std must be a finite number >= 0; got " + bad, () -> new RandomGaussian(bad));
    rejects("signflip factor must be a finite number > 0; got " + bad, () -> new SignFlip(bad));
    rejects(
        "ipm epsilon must be a finite number > 0; got " + bad,
        () -> new InnerProductManipulation(bad));
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1, -1e-300, -0.0})
  void negativeStdIsRejected(double std) {
    if (std == 0) {
      // −0.0 is not below zero: it is a zero std, and accepted.
      new GaussianNoise(std);
      return;
    }
    rejects("gaussian std must be a finite number >= 0; got " + std, () -> new GaussianNoise(std));
    rejects("random std must be a finite number >= 0; got " + std, () -> new RandomGaussian(std));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1})
  void signflipAndIpmNeedAPositiveFactor(double bad) {
    rejects("signflip factor must be a finite number > 0; got " + bad, () -> new SignFlip(bad));
    rejects(
        "ipm epsilon must be a finite number > 0; got " + bad,
        () -> new InnerProductManipulation(bad));
  }

  @Test
  void zeroStdAndAnyFiniteValueAreAccepted() {
    new GaussianNoise(0);
    new RandomGaussian(0);
    new Scale(0);
    new Scale(-1e30);
    new Add(-3);
    new Power(-2.5);
    new ALittleIsEnough(-1);
  }

  @Test
  void mimicNeedsANonNegativeIndex() {
    rejects("mimic worker must be a worker index >= 0; got -1", () -> new Mimic(-1));
  }

  @ParameterizedTest
  @CsvSource({
    "3, 'mimic worker 3 is faulty; honest workers: [0, 1, 2]'",
    "7, 'mimic worker 7 does not exist (n=6); honest workers: [0, 1, 2]'",
  })
  void mimicOfAWorkerThatIsNotHonestIsInfeasible(int target, String message) {
    rejects(message, () -> new Mimic(target).checkFeasible(6, new int[] {0, 1, 2}));
    new Mimic(2).checkFeasible(6, new int[] {0, 1, 2});
  }

  @Test
  void omniscientFaultsNeedHonestWorkers() {
    rejects(
        "mimic needs at least 1 honest worker; got 0",
        () -> new Mimic().checkFeasible(3, new int[0]));
    rejects(
        "ipm needs at least 1 honest worker; got 0",
        () -> new InnerProductManipulation(1).checkFeasible(3, new int[0]));
    rejects(
        "alie needs at least 2 honest workers for a standard deviation; got 1",
        () -> new ALittleIsEnough(1).checkFeasible(3, new int[] {2}));
  }

  @Test
  void alieDefaultZInfeasibleMessageNamesNAndF() {
    rejects(
        "alie without z needs 1 <= s < n, with s = floor(n/2 + 1) - f; got n=16, f=9 (s=0); give"
            + " z, e.g. alie:1",
        () -> new ALittleIsEnough().checkFeasible(16, new int[] {0, 1, 2, 3, 4, 5, 6}));
    // f = n/2 is still feasible: n = 16, f = 8 gives s = 1, z = Φ⁻¹(15/16).
    new ALittleIsEnough().checkFeasible(16, new int[] {0, 1, 2, 3, 4, 5, 6, 7});
    assertTrue(ALittleIsEnough.defaultZ(16, 8) > 1.5);
  }
}
