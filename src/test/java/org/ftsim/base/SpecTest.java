package org.ftsim.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpecTest {

  @Test
  void parsesNamesPositionalAndNamedValues() {
    Spec plain = Spec.parse("Median");
    assertEquals("median", plain.name());
    assertFalse(plain.has(0, "b"));
    Spec positional = Spec.parse("cclip:10,3");
    assertEquals(10, positional.number(0, "tau", 1));
    assertEquals(3, positional.number(1, "iters", 1));
    Spec named = Spec.parse("geomed:nu=1e-6,iters=80");
    assertEquals(1e-6, named.number(0, "nu", 0));
    assertEquals(80, named.number(1, "iters", 0));
    assertEquals(5, named.number(2, "other", 5));
  }

  @Test
  void rejectsMalformedSpecsAndUnknownKeys() {
    assertThrows(IllegalArgumentException.class, () -> Spec.parse(":3"));
    assertThrows(IllegalArgumentException.class, () -> Spec.parse("scale:"));
    assertThrows(IllegalArgumentException.class, () -> Spec.parse("scale:1,,2"));
    assertThrows(
        IllegalArgumentException.class, () -> Spec.parse("scale:x").number(0, "factor", 1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Spec.parse("scale:fator=2").requireKeys(List.of("factor")));
    assertTrue(e.getMessage().contains("fator") && e.getMessage().contains("[factor]"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "geomed:1e-6,80 | 80",
        "geomed:nu=1,iters=80 | 80",
        "geomed:1,80.0 | 80",
        "geomed:1,1e2 | 100",
        "geomed:1,0 | 0",
        "geomed:1,2147483647 | 2147483647",
        "geomed:1 | 7",
        "geomed | 7",
      })
  void integerReadsIntegralValuesAndFallsBack(String text, int expected) {
    assertEquals(expected, Spec.parse(text).integer(1, "iters", 7, 0));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "geomed:1,2.5 | geomed iters must be an integer >= 0; got 2.5 in 'geomed:1,2.5'",
        "geomed:iters=-3 | geomed iters must be an integer >= 0; got -3 in 'geomed:iters=-3'",
        "geomed:1,2147483648 | geomed iters must be an integer in [0, 2147483647]; got 2147483648"
            + " in 'geomed:1,2147483648'",
        "geomed:1,-1e10 | geomed iters must be an integer >= 0; got -1e10 in 'geomed:1,-1e10'",
        "geomed:1,Infinity | geomed iters must be an integer in [0, 2147483647]; got Infinity in"
            + " 'geomed:1,Infinity'",
        "geomed:1,NaN | geomed iters must be an integer >= 0; got NaN in 'geomed:1,NaN'",
        "geomed:1,ten | 'ten' is not a number (parameter iters of 'geomed:1,ten')",
      })
  void integerRejectsOthersNamingKeyAndValue(String text, String message) {
    Spec spec = Spec.parse(text);
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> spec.integer(1, "iters", 7, 0))
            .getMessage());
  }

  @Test
  void integerHonoursTheMinimum() {
    Spec spec = Spec.parse("multi-krum:m=0");
    assertEquals(0, spec.integer(0, "m", 5, Integer.MIN_VALUE));
    assertEquals(-4, Spec.parse("x:-4").integer(0, "v", 5, Integer.MIN_VALUE));
    assertEquals(
        "multi-krum m must be an integer >= 1; got 0 in 'multi-krum:m=0'",
        assertThrows(IllegalArgumentException.class, () -> spec.integer(0, "m", 5, 1))
            .getMessage());
    assertEquals(
        "x v must be an integer; got 0.5 in 'x:0.5'",
        assertThrows(
                IllegalArgumentException.class,
                () -> Spec.parse("x:0.5").integer(0, "v", 5, Integer.MIN_VALUE))
            .getMessage());
    assertEquals(
        "x v must be an integer in [-2147483648, 2147483647]; got -2147483649 in 'x:-2147483649'",
        assertThrows(
                IllegalArgumentException.class,
                () -> Spec.parse("x:-2147483649").integer(0, "v", 5, Integer.MIN_VALUE))
            .getMessage());
    // The fallback is the caller's: returned as is, even below the minimum.
    assertEquals(0, Spec.parse("multi-krum").integer(0, "m", 0, 1));
  }

  /**
   * Known answers of {@link Seeds#derive}, recorded at commit 0cbebb0 (issue 12). Every recorded
   * run's data order, initialisation, faults and schedule come from these streams: a change here
   * breaks the reproducibility of every recorded run, so it must be deliberate.
   */
  @ParameterizedTest
  @CsvSource({
    "1, FAULT, '', 6123709593960421504",
    "0, SHUFFLE, '', 6422018394144395037",
    "1, FAULT, '3 7', 3351210129025606881",
    "1, FAULT, '7 3', 9206501628696234825",
    "2, FAULT, '3 7', 793300755278922643",
    "1, SHUFFLE, '3', 6816093461608576795",
    "-42, DROPOUT, '0 1 2', -6438744354845162310",
    "1, FAULT_SCHEDULE, '2 10', -2653352908451957953",
  })
  void seedsAreGolden(long seed, String tag, String coordinates, long expected) {
    long[] c =
        coordinates.isBlank()
            ? new long[0]
            : Arrays.stream(coordinates.trim().split(" ")).mapToLong(Long::parseLong).toArray();
    assertEquals(expected, Seeds.derive(seed, tag(tag), c));
    assertEquals(
        new SplittableRandom(expected).nextLong(), Seeds.random(seed, tag(tag), c).nextLong());
  }

  private static long tag(String name) {
    return switch (name) {
      case "FAULT" -> Seeds.FAULT;
      case "SHUFFLE" -> Seeds.SHUFFLE;
      case "DROPOUT" -> Seeds.DROPOUT;
      case "FAULT_SCHEDULE" -> Seeds.FAULT_SCHEDULE;
      default -> throw new IllegalArgumentException(name);
    };
  }
}
