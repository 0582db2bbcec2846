package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The phase of each global step. */
class CorrectionScheduleTest {

  /** Defaults: step 1 is a replica step, 2..11 corrected, 12 replica, … (cycles of 11). */
  @Test
  void defaultsAreOneReplicaThenTenCorrected() {
    CorrectionSchedule schedule = new CorrectionSchedule();
    StringBuilder phases = new StringBuilder();
    StringBuilder fits = new StringBuilder();
    for (long step = 1; step <= 23; step++) {
      phases.append(schedule.phase(step) == Phase.REPLICA ? 'R' : 'C');
      fits.append(schedule.fitsAfter(step) ? 'F' : '.');
    }
    assertEquals("RCCCCCCCCCCRCCCCCCCCCCR", phases.toString());
    assertEquals("F..........F..........F", fits.toString());
  }

  @ParameterizedTest
  @CsvSource({
    "2, 3, RRCCCRRCCCRR, .F....F....F",
    "1, 1, RCRCRCRCRCRC, F.F.F.F.F.F.",
    "3, 1, RRRCRRRCRRRC, ..F...F...F."
  })
  void cyclesOfReplicaAndCorrectedSteps(
      int replicaSteps, int correctEvery, String phases, String fits) {
    CorrectionSchedule schedule = new CorrectionSchedule(replicaSteps, correctEvery);
    for (int i = 0; i < phases.length(); i++) {
      long step = i + 1;
      assertEquals(
          phases.charAt(i) == 'R' ? Phase.REPLICA : Phase.CORRECTED,
          schedule.phase(step),
          "step " + step);
      assertEquals(fits.charAt(i) == 'F', schedule.fitsAfter(step), "step " + step);
    }
  }

  @Test
  void farStepsDoNotOverflow() {
    CorrectionSchedule schedule = new CorrectionSchedule(Integer.MAX_VALUE, Integer.MAX_VALUE);
    assertEquals(Phase.REPLICA, schedule.phase(Integer.MAX_VALUE));
    assertEquals(Phase.CORRECTED, schedule.phase(Integer.MAX_VALUE + 1L));
    assertEquals(Phase.REPLICA, schedule.phase(2L * Integer.MAX_VALUE + 1));
  }

  @Test
  void invalidArgumentsNameTheValue() {
    assertEquals(
        "replica steps must be >= 1; got 0",
        assertThrows(IllegalArgumentException.class, () -> new CorrectionSchedule(0, 10))
            .getMessage());
    assertEquals(
        "correct-every must be >= 1; got -1",
        assertThrows(IllegalArgumentException.class, () -> new CorrectionSchedule(1, -1))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> new CorrectionSchedule().phase(0));
  }

  @Test
  void labelsAreTheResultsValues() {
    assertEquals("normal", Phase.NORMAL.label());
    assertEquals("replica", Phase.REPLICA.label());
    assertEquals("corrected", Phase.CORRECTED.label());
  }
}
