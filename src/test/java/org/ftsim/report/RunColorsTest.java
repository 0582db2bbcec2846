package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunColorsTest {

  private static RunRow run(int i, String metricName, Double metric) {
    return new RunRow(
        String.format("r%02d", i),
        "",
        "finished",
        "mnist",
        "mlp",
        16,
        5,
        "scale:10",
        "drop",
        false,
        100,
        metricName,
        metric,
        1.0);
  }

  @Test
  void aDozenRunsAreAllColouredDistinctly() {
    List<RunRow> runs = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      runs.add(run(i, "accuracy", 0.5));
    }
    RunColors colours = RunColors.choose(runs);
    assertEquals(0, colours.others());
    assertEquals(12, new HashSet<>(runs.stream().map(r -> colours.of(r.runId())).toList()).size());
    runs.forEach(r -> assertNotEquals(RunColors.OTHER, colours.of(r.runId())));
  }

  @Test
  void moreRunsColourTheSixBestAndSixWorstByAccuracy() {
    List<RunRow> runs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      runs.add(run(i, "accuracy", i == 19 ? null : i / 100.0)); // r19 failed: no final metric
    }
    RunColors colours = RunColors.choose(runs);
    assertEquals(8, colours.others());
    assertEquals(
        List.of("r00", "r01", "r02", "r03", "r04", "r13", "r14", "r15", "r16", "r17", "r18", "r19"),
        colours.colouredRuns());
  }

  @Test
  void forMseLowerIsBetter() {
    List<RunRow> runs = new ArrayList<>();
    for (int i = 0; i < 14; i++) {
      runs.add(run(i, "mse", (double) i));
    }
    // Best: r00–r05, worst: r08–r13; r06 and r07 are grey.
    RunColors colours = RunColors.choose(runs);
    assertEquals(RunColors.OTHER, colours.of("r06"));
    assertEquals(RunColors.OTHER, colours.of("r07"));
    assertEquals(12, colours.colouredRuns().size());
  }
}
