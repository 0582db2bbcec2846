package org.ftsim.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

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

  @Test
  void seedsAreStableAndSeparateStreams() {
    assertEquals(Seeds.derive(1, Seeds.FAULT, 3, 7), Seeds.derive(1, Seeds.FAULT, 3, 7));
    assertTrue(Seeds.derive(1, Seeds.FAULT, 3, 7) != Seeds.derive(1, Seeds.FAULT, 7, 3));
    assertTrue(Seeds.derive(1, Seeds.FAULT, 3, 7) != Seeds.derive(2, Seeds.FAULT, 3, 7));
    assertTrue(Seeds.derive(1, Seeds.FAULT, 3) != Seeds.derive(1, Seeds.SHUFFLE, 3));
  }
}
