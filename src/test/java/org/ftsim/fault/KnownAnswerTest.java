package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Each fault on small gradients whose answer is worked out by hand. */
class KnownAnswerTest {

  /** Three honest rows; per coordinate: mean (2, 0, −2, 10), sample std (1, 0, 2, 3). */
  private static final float[][] HONEST = {
    {1, 0, -4, 7},
    {2, 0, -2, 10},
    {3, 0, 0, 13},
  };

  private static final float[] OWN = {1.5f, -2, 0, 0.25f};

  private static FaultContext context() {
    return Contexts.of(HONEST);
  }

  @Test
  void scaleMultiplies() {
    assertArrayEquals(new float[] {15, -20, 0, 2.5f}, new Scale(10).corrupt(OWN, context()));
    assertArrayEquals(
        new float[] {-0.75f, 1, -0f, -0.125f}, new Scale(-0.5).corrupt(OWN, context()));
  }

  @Test
  void addShifts() {
    assertArrayEquals(new float[] {2.5f, -1, 1, 1.25f}, new Add(1).corrupt(OWN, context()));
    assertArrayEquals(
        new float[] {-1, -4.5f, -2.5f, -2.25f}, new Add(-2.5).corrupt(OWN, context()));
  }

  @Test
  void powerWithIntegerExponentIsTheRealPower() {
    float[] g = {-3, -0.5f, 0, 2};
    assertArrayEquals(new float[] {9, 0.25f, 0, 4}, new Power(2).corrupt(g, context()));
    assertArrayEquals(new float[] {-27, -0.125f, 0, 8}, new Power(3).corrupt(g, context()));
    assertArrayEquals(g, new Power(1).corrupt(g, context()));
    assertArrayEquals(new float[] {1, 1, 1, 1}, new Power(0).corrupt(g, context()));
    assertArrayEquals(
        new float[] {-1 / 3f, -2, Float.POSITIVE_INFINITY, 0.5f},
        new Power(-1).corrupt(g, context()));
  }

  @Test
  void powerWithFractionalExponentUsesTheOddExtensionForNegatives() {
    float[] g = {-8, -4, 4, 27};
    // g^(1/2) is not real for g < 0: −|g|^(1/2); the cube root of −8 is −2 either way.
    assertArrayEquals(
        new float[] {(float) -Math.sqrt(8), -2, 2, (float) Math.sqrt(27)},
        new Power(0.5).corrupt(g, context()));
    float[] cube = new Power(1 / 3.0).corrupt(g, context());
    assertEquals(-2, cube[0], 1e-6);
    assertEquals(3, cube[3], 1e-6);
    for (float v : new Power(1.5).corrupt(g, context())) {
      assertFalse(Float.isNaN(v));
    }
  }

  @Test
  void signflipNegatesAndScales() {
    assertArrayEquals(new float[] {-1.5f, 2, -0f, -0.25f}, new SignFlip(1).corrupt(OWN, context()));
    assertArrayEquals(new float[] {-4.5f, 6, -0f, -0.75f}, new SignFlip(3).corrupt(OWN, context()));
  }

  @Test
  void constantFaults() {
    assertArrayEquals(new float[4], new Zero().corrupt(OWN, context()));
    for (float v : new NotANumber().corrupt(OWN, context())) {
      assertTrue(Float.isNaN(v));
    }
    for (float v : new Infinity().corrupt(OWN, context())) {
      assertEquals(Float.POSITIVE_INFINITY, v);
    }
  }

  @Test
  void alieWithZGivenIsMeanMinusZSampleStd() {
    // mean (2, 0, −2, 10), sample std (1, 0, 2, 3): mean − 1.5·std = (0.5, 0, −5, 5.5).
    assertArrayEquals(
        new float[] {0.5f, 0, -5, 5.5f}, new ALittleIsEnough(1.5).corrupt(OWN, context()));
    assertArrayEquals(new float[] {2, 0, -2, 10}, new ALittleIsEnough(0).corrupt(OWN, context()));
  }

  @Test
  void alieDefaultZIsBaruchZMax() {
    // n = 16, f = 5: s = floor(16/2 + 1) − 5 = 4, z = Φ⁻¹((16 − 4)/16) = Φ⁻¹(0.75), the upper
    // quartile of N(0, 1): 0.6744897501960817 (Python statistics.NormalDist().inv_cdf(0.75);
    // R qnorm(0.75) = 0.6744898).
    assertEquals(0.6744897501960817, ALittleIsEnough.defaultZ(16, 5), 1e-12);
    // n = 50, f = 24: s = 26 − 24 = 2, z = Φ⁻¹(48/50) = Φ⁻¹(0.96) = 1.7506860712521695 (Python).
    assertEquals(1.7506860712521695, ALittleIsEnough.defaultZ(50, 24), 1e-12);
    // n = 16, f = 1: s = 8, z = Φ⁻¹(0.5) = 0.
    assertEquals(0, ALittleIsEnough.defaultZ(16, 1), 1e-12);
  }

  @Test
  void alieDefaultUsesTheContextsNAndF() {
    // n = 4, f = 1 (three honest rows): s = 3 − 1 = 2, z = Φ⁻¹(0.5) = 0, so the report is the mean.
    assertArrayEquals(new float[] {2, 0, -2, 10}, new ALittleIsEnough().corrupt(OWN, context()));
    // n = 6, f = 3 (three honest): s = 4 − 3 = 1, z = Φ⁻¹(5/6) = 0.9674215661017014 (Python).
    FaultContext six = Contexts.of(3, 1, 6, new int[] {0, 1, 2}, HONEST, 1);
    double z = 0.9674215661017014;
    float[] out = new ALittleIsEnough().corrupt(OWN, six);
    assertEquals((float) (2 - z), out[0], 1e-6);
    assertEquals((float) (10 - 3 * z), out[3], 1e-6);
  }

  @Test
  void alieWithoutZNeedsAnHonestMajorityOfSupporters() {
    // n = 4, f = 3: s = 3 − 3 = 0.
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ALittleIsEnough.defaultZ(4, 3));
    assertTrue(e.getMessage().contains("n=4, f=3"), e.getMessage());
    new ALittleIsEnough(1).checkFeasible(4, new int[] {0, 1});
    assertThrows(
        IllegalArgumentException.class,
        () -> new ALittleIsEnough(1).checkFeasible(4, new int[] {0}));
  }

  @Test
  void ipmIsMinusEpsilonTimesTheHonestMean() {
    assertArrayEquals(
        new float[] {-0.2f, -0f, 0.2f, -1},
        new InnerProductManipulation(0.1).corrupt(OWN, context()));
    assertArrayEquals(
        new float[] {-200, -0f, 200, -1000},
        new InnerProductManipulation(100).corrupt(OWN, context()));
  }

  @Test
  void mimicCopiesTheNamedHonestWorker() {
    FaultContext c = Contexts.of(5, 1, 8, new int[] {1, 4, 6}, HONEST, 1);
    float[] out = new Mimic(4).corrupt(OWN, c);
    assertArrayEquals(HONEST[1], out);
    assertNotSame(HONEST[1], out);
    assertArrayEquals(HONEST[0], new Mimic().corrupt(OWN, c));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new Mimic(5).corrupt(OWN, c));
    assertEquals("mimic: worker 5 is not honest; honest workers: [1, 4, 6]", e.getMessage());
  }

  @Test
  void labelflipReportsTheGradientUnchangedAndFlipsLabels() {
    LabelFlip flip = new LabelFlip();
    assertTrue(flip.flipsLabels());
    float[] out = flip.corrupt(OWN, context());
    assertArrayEquals(OWN, out);
    assertNotSame(OWN, out);
  }

  @Test
  void crashReportsNothing() {
    assertNull(new Crash().corrupt(OWN, context()));
    assertFalse(new Crash().flipsLabels());
  }
}
