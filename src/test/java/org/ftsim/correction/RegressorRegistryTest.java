package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Names, parameters and the errors listing valid choices; Spark-free (null session). */
class RegressorRegistryTest {

  @Test
  void namesAndUsages() {
    assertEquals(List.of("linear", "mllib-linear", "mllib-gbt", "mlp"), RegressorRegistry.names());
    assertEquals(
        List.of(
            "linear",
            "mllib-linear",
            "mllib-gbt[:iterations=5,depth=6,bins=256,step=0.5,sample=100000]",
            "mlp[:hidden=10,epochs=200,batch=200]"),
        RegressorRegistry.usages());
    assertInstanceOf(ClosedFormLinear.class, RegressorRegistry.create("linear", null));
    assertInstanceOf(ClosedFormLinear.class, RegressorRegistry.create(" LINEAR ", null));
    assertEquals("linear", RegressorRegistry.create("linear", null).toString());
    assertInstanceOf(MultilayerPerceptron.class, RegressorRegistry.create("mlp", null));
    assertEquals(
        "mlp:hidden=4,epochs=30,batch=200", RegressorRegistry.create("mlp:4,30", null).toString());
  }

  @Test
  void unknownNamesListTheValidOnes() {
    assertEquals(
        "unknown correction model 'svm'; valid: linear, mllib-linear, mllib-gbt, mlp",
        assertThrows(IllegalArgumentException.class, () -> RegressorRegistry.create("svm", null))
            .getMessage());
  }

  @Test
  void mllibRegressorsNeedASession() {
    assertEquals(
        "mllib-linear runs on Spark and needs a Spark session",
        assertThrows(
                IllegalArgumentException.class,
                () -> RegressorRegistry.create("mllib-linear", null))
            .getMessage());
    assertEquals(
        "mllib-gbt runs on Spark and needs a Spark session",
        assertThrows(
                IllegalArgumentException.class, () -> RegressorRegistry.create("mllib-gbt", null))
            .getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "linear:1 | 'linear:1' takes at most 0 value(s)",
        "mllib-linear:iter=3 | unknown parameter 'iter' in 'mllib-linear:iter=3'; valid: []",
        "mllib-gbt:trees=3 | unknown parameter 'trees' in 'mllib-gbt:trees=3'; valid: [iterations,"
            + " depth, bins, step, sample]",
        "mllib-gbt:depth=2.5 | mllib-gbt depth must be an integer; got 2.5 in 'mllib-gbt:depth=2.5'",
        "mllib-gbt:1,2,3,4,5,6 | 'mllib-gbt:1,2,3,4,5,6' takes at most 5 value(s) [iterations, depth,"
            + " bins, step, sample]",
      })
  void badParametersAreNamed(String spec, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> RegressorRegistry.create(spec, null))
            .getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mllib-gbt:iterations=0 | mllib-gbt iterations must be >= 1; got 0",
        "mllib-gbt:depth=31 | mllib-gbt depth must be in [1, 30]; got 31",
        "mllib-gbt:bins=1 | mllib-gbt bins must be in [2, 65536]; got 1",
        "mllib-gbt:step=0 | mllib-gbt step must be in (0, 1]; got 0.0",
        "mllib-gbt:sample=0 | mllib-gbt sample must be >= 1; got 0",
        "mlp:hidden=0 | mlp hidden must be an integer >= 1; got 0 in 'mlp:hidden=0'",
        "mlp:epochs=2.5 | mlp epochs must be an integer >= 1; got 2.5 in 'mlp:epochs=2.5'",
        "mlp:rate=1 | unknown parameter 'rate' in 'mlp:rate=1'; valid: [hidden, epochs, batch]",
      })
  void gbtParametersAreValidatedBeforeTheSession(String spec, String message) {
    assertEquals(
        message,
        assertThrows(IllegalArgumentException.class, () -> RegressorRegistry.create(spec, null))
            .getMessage());
  }
}
