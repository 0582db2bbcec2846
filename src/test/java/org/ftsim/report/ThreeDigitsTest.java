package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.text.ParseException;
import java.text.ParsePosition;
import org.junit.jupiter.api.Test;

/** The log axes' tick labels: three significant digits, read back as written. */
class ThreeDigitsTest {

  private final Charts.ThreeDigits format = new Charts.ThreeDigits();

  @Test
  void writesThreeSignificantDigits() {
    assertEquals("0.0316", format.format(0.031623));
    assertEquals("2.51", format.format(2.5119));
    assertEquals("1.00e-05", format.format(1e-5));
    assertEquals("7", format.format(7L));
  }

  @Test
  void readsBackWhatItWrites() throws ParseException {
    for (double x : new double[] {0.031623, 2.5119, 1e-5, -3.5e12}) {
      String label = format.format(x);
      assertEquals(Double.parseDouble(label), format.parse(label).doubleValue(), label);
    }
  }

  @Test
  void readsFromAPositionAndStopsAfterTheNumber() {
    ParsePosition pos = new ParsePosition(4);
    assertEquals(2.5, format.parse("x = 2.5e units", pos).doubleValue());
    assertEquals(7, pos.getIndex());
    ParsePosition bad = new ParsePosition(0);
    assertNull(format.parse("n/a", bad));
    assertEquals(0, bad.getErrorIndex());
    assertEquals(0, bad.getIndex());
  }
}
