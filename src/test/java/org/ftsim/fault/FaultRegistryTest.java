package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registry: names, parameters in both forms, defaults, and the errors listing valid choices.
 */
class FaultRegistryTest {

  /** A valid spec per name, the one-value ones with a value. */
  static Stream<String> specs() {
    return FaultRegistry.names().stream()
        .map(
            name ->
                switch (name) {
                  case "add", "power", "gaussian", "random" -> name + ":2";
                  case "ipm" -> name + ":0.5";
                  default -> name;
                });
  }

  @Test
  void namesAreSpecSection5() {
    assertEquals(
        List.of(
            "scale",
            "add",
            "power",
            "gaussian",
            "random",
            "signflip",
            "zero",
            "nan",
            "inf",
            "alie",
            "ipm",
            "mimic",
            "labelflip",
            "crash",
            "signflip-mean",
            "alie-authors",
            "mimic-warmup",
            "fang-trim",
            "fang-krum",
            "minmax",
            "minsum"),
        FaultRegistry.names());
    assertEquals(FaultRegistry.names().size(), FaultRegistry.usages().size());
    assertEquals("signflip[:factor=1]", FaultRegistry.usages().get(5));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"scale", "signflip", "zero", "nan", "inf", "alie", "mimic", "labelflip", "crash"})
  void namesWithDefaultsBuildWithoutParameters(String name) {
    assertEquals(name, FaultRegistry.create(name).toString().split(":")[0]);
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    assertEquals("scale:factor=10.0", FaultRegistry.create("scale").toString());
    assertEquals("signflip:factor=1.0", FaultRegistry.create("signflip").toString());
    assertEquals("alie", FaultRegistry.create("alie").toString());
    assertEquals("mimic", FaultRegistry.create("mimic").toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"add", "power", "gaussian", "random", "ipm"})
  void requiredValuesAreRequired(String name) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultRegistry.create(name));
    assertTrue(e.getMessage().startsWith("'" + name + "' needs a value for "), e.getMessage());
  }

  @ParameterizedTest
  @CsvSource({
    "scale:3, scale:factor=3",
    "add:-1.5, add:constant=-1.5",
    "power:3, power:exponent=3",
    "gaussian:1, gaussian:std=1",
    "random:0.5, random:std=0.5",
    "signflip:2, signflip:factor=2",
    "alie:1.5, alie:z=1.5",
    "ipm:0.1, ipm:epsilon=0.1",
    "mimic:2, mimic:worker=2",
    "GAUSSIAN:1, 'gaussian:STD= 1 '",
    "'gaussian:1,0.5', 'gaussian:std=1,mean=0.5'",
    "'random:1,mean=0.5', 'random:std=1,mean=0.5'",
    "minmax:std, minmax:perturbation=std",
    "fang-trim:3, fang-trim:b=3",
    "mimic-warmup:2, mimic-warmup:warmup=2",
  })
  void positionalAndNamedFormsAreTheSameFault(String positional, String named) {
    assertEquals(
        FaultRegistry.create(positional).toString(), FaultRegistry.create(named).toString());
  }

  @ParameterizedTest
  @MethodSource("specs")
  void toStringIsACanonicalSpecThatRebuildsTheSameFault(String spec) {
    Fault fault = FaultRegistry.create(spec);
    Fault again = FaultRegistry.create(fault.toString());
    assertEquals(fault.toString(), again.toString());
    assertEquals(fault.getClass(), again.getClass());
  }

  @Test
  void unknownNameListsTheValidOnes() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultRegistry.create("gausian:1"));
    assertEquals(
        "unknown fault 'gausian'; valid: scale, add, power, gaussian, random, signflip, zero, nan,"
            + " inf, alie, ipm, mimic, labelflip, crash, signflip-mean, alie-authors, mimic-warmup,"
            + " fang-trim, fang-krum, minmax, minsum; modifiers: optimal:FAULT, shared:FAULT",
        e.getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gaussian:sd=1 | unknown parameter 'sd' in 'gaussian:sd=1'; valid: [std, mean]",
        "alie:zz=1 | unknown parameter 'zz' in 'alie:zz=1'; valid: [z]",
        "zero:1 | 'zero:1' takes at most 0 value(s)",
        "crash:now=1 | unknown parameter 'now' in 'crash:now=1'; valid: []",
        "gaussian:1,2,3 | 'gaussian:1,2,3' takes at most 2 value(s) [std, mean]",
        "gaussian:1,2,mean=3 | 'gaussian:1,2,mean=3' gives mean twice, by position and by name",
        "random:mean=1 | 'random:mean=1' needs a value for std, e.g. random:1 or random:std=1",
        "gaussian:1,x | 'x' is not a number (parameter mean of 'gaussian:1,x')",
        "random:1,NaN | random mean must be a finite number; got NaN",
        "minmax:median | unknown perturbation 'median'; valid: unit, std, sign",
        "minsum:unit,perturbation=std | 'minsum:unit,perturbation=std' gives perturbation twice,"
            + " by position and by name",
        "fang-trim:0.5 | fang-trim b must be a finite number >= 1; got 0.5",
        "fang-krum:1 | 'fang-krum:1' takes at most 0 value(s)",
        "mimic-warmup:0 | mimic-warmup warmup must be an integer >= 1; got 0 in 'mimic-warmup:0'",
        "optimal:gaussian:1 | optimal: cannot search the scale of 'gaussian'; valid: ipm, alie,"
            + " scale, signflip, fang-krum, minmax, minsum (given without their scale)",
        "optimal:ipm:2 | 'ipm:2' takes at most 0 value(s)",
        "shared:gausian:1 | unknown fault 'gausian'; valid: scale, add, power, gaussian, random,"
            + " signflip, zero, nan, inf, alie, ipm, mimic, labelflip, crash, signflip-mean,"
            + " alie-authors, mimic-warmup, fang-trim, fang-krum, minmax, minsum; modifiers:"
            + " optimal:FAULT, shared:FAULT",
        "gaussian:1,std=2 | 'gaussian:1,std=2' gives std twice, by position and by name",
        "gaussian:-1 | gaussian std must be a finite number >= 0; got -1.0",
        "random:std=-0.1 | random std must be a finite number >= 0; got -0.1",
        "gaussian:NaN | gaussian std must be a finite number >= 0; got NaN",
        "scale:Infinity | scale factor must be a finite number; got Infinity",
        "ipm:abc | 'abc' is not a number (parameter epsilon of 'ipm:abc')",
        "mimic:1.5 | mimic worker must be an integer >= 0; got 1.5 in 'mimic:1.5'",
        "mimic:-2 | mimic worker must be an integer >= 0; got -2 in 'mimic:-2'",
        "signflip:0 | signflip factor must be a finite number > 0; got 0.0",
      })
  void badParametersAreOneLineErrors(String spec, String message) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> FaultRegistry.create(spec));
    assertEquals(message, e.getMessage());
  }

  /** The family contract: inputs untouched, a new array of length d (or null), deterministic. */
  @ParameterizedTest
  @MethodSource("specs")
  void everyFaultKeepsTheContract(String spec) {
    Fault fault = FaultRegistry.create(spec);
    float[][] rows = {{1, -2, 3}, {4, 5, -6}, {0.5f, 0, 2}};
    float[][] before = {rows[0].clone(), rows[1].clone(), rows[2].clone()};
    float[] own = {7, -8, 9};
    float[] ownBefore = own.clone();
    float[] out = fault.corrupt(own, Contexts.of(rows));
    float[] again = fault.corrupt(own, Contexts.of(rows));
    assertArrayEquals(ownBefore, own);
    for (int i = 0; i < rows.length; i++) {
      assertArrayEquals(before[i], rows[i]);
    }
    if (fault instanceof Crash) {
      assertEquals(null, out);
      return;
    }
    assertEquals(3, out.length);
    assertNotSame(own, out);
    for (float[] row : rows) {
      assertNotSame(row, out);
    }
    assertArrayEquals(out, again);
    assertEquals(fault instanceof LabelFlip, fault.flipsLabels());
    assertFalse(fault.toString().isEmpty());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "gaussian:1,0 | gaussian:std=1.0",
        "gaussian:1,0.5 | gaussian:std=1.0,mean=0.5",
        "minmax | minmax:perturbation=unit",
        "minsum:SIGN | minsum:perturbation=sign",
        "fang-trim | fang-trim:b=2.0",
        "mimic-warmup | mimic-warmup:warmup=1",
        "optimal:ipm | optimal:ipm",
        "' OPTIMAL : minmax:std' | optimal:minmax:perturbation=std",
        "optimal:alie | optimal:alie",
        "shared:random:1,2 | shared:random:std=1.0,mean=2.0",
        "shared:optimal:fang-krum | shared:optimal:fang-krum",
      })
  void modifiedAndNewSpecsPrintCanonically(String spec, String canonical) {
    Fault fault = FaultRegistry.create(spec);
    assertEquals(canonical, fault.toString());
    assertEquals(canonical, FaultRegistry.create(canonical).toString());
  }

  @Test
  void createBuildsTheNamedClass() {
    assertInstanceOf(LineSearch.class, FaultRegistry.create("optimal:ipm"));
    assertInstanceOf(Shared.class, FaultRegistry.create("shared:ipm:1"));
    assertInstanceOf(FangKrum.class, FaultRegistry.create("fang-krum"));
    assertInstanceOf(MinSum.class, FaultRegistry.create("minsum"));
    assertInstanceOf(GaussianNoise.class, FaultRegistry.create("gaussian:1"));
    assertInstanceOf(RandomGaussian.class, FaultRegistry.create("random:1"));
    assertInstanceOf(InnerProductManipulation.class, FaultRegistry.create("ipm:1"));
    assertInstanceOf(ALittleIsEnough.class, FaultRegistry.create("alie"));
  }
}
