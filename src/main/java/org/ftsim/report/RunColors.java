package org.ftsim.report;

import java.awt.Color;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The colour of each run, the same in every chart. A line per run stays readable up to a dozen
 * runs: with at most {@link #MAX_COLOURED} runs every run is coloured and named in the legends;
 * with more, the {@value #MAX_COLOURED} / 2 best and as many worst by final metric are (a run
 * without a final metric counts as worst), and the others are drawn as thin grey lines behind them,
 * one legend entry for all. The runs table lists every run.
 */
final class RunColors {

  /** The most runs coloured and named in a chart's legend. */
  static final int MAX_COLOURED = 12;

  /** The colour of the runs that are not named. */
  static final Color OTHER = new Color(0xC8C8C8);

  // Tableau 10 and two more, distinct in print and for the common colour-vision deficiencies.
  private static final Color[] PALETTE = {
    new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2),
    new Color(0x59A14F), new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7),
    new Color(0x9C755F), new Color(0x7F7F7F), new Color(0x1F3A93), new Color(0x2CA02C)
  };

  private final Map<String, Color> coloured;
  private final int others;

  private RunColors(Map<String, Color> coloured, int others) {
    this.coloured = coloured;
    this.others = others;
  }

  /** Chooses the coloured runs among {@code runs} (in run-id order) and gives them colours. */
  static RunColors choose(List<RunRow> runs) {
    Set<String> chosen = new LinkedHashSet<>();
    if (runs.size() <= MAX_COLOURED) {
      runs.forEach(r -> chosen.add(r.runId()));
    } else {
      List<RunRow> byScore =
          runs.stream().sorted(Comparator.comparingDouble(RunColors::score).reversed()).toList();
      int half = MAX_COLOURED / 2;
      byScore.subList(0, half).forEach(r -> chosen.add(r.runId()));
      byScore.subList(byScore.size() - half, byScore.size()).forEach(r -> chosen.add(r.runId()));
    }
    Map<String, Color> colours = new LinkedHashMap<>();
    for (RunRow r : runs) {
      if (chosen.contains(r.runId())) {
        colours.put(r.runId(), PALETTE[colours.size()]);
      }
    }
    return new RunColors(colours, runs.size() - colours.size());
  }

  /** Higher is better: the final metric, negated for MSE; −∞ without one. */
  private static double score(RunRow r) {
    if (r.finalMetric() == null || r.finalMetric().isNaN()) {
      return Double.NEGATIVE_INFINITY;
    }
    return r.higherIsBetter() ? r.finalMetric() : -r.finalMetric();
  }

  /** The {@code i}th colour of the palette, from the start again after the last. */
  static Color palette(int i) {
    return PALETTE[i % PALETTE.length];
  }

  /** Whether the run is coloured and named. */
  boolean isColoured(String runId) {
    return coloured.containsKey(runId);
  }

  /** The run's colour, {@link #OTHER} if it is not named. */
  Color of(String runId) {
    return coloured.getOrDefault(runId, OTHER);
  }

  /** The coloured runs, in run-id order. */
  List<String> colouredRuns() {
    return List.copyOf(coloured.keySet());
  }

  /** How many runs are drawn grey. */
  int others() {
    return others;
  }
}
