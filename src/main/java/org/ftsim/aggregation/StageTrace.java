package org.ftsim.aggregation;

import java.util.Arrays;
import java.util.List;

/**
 * Maps what a rule did to the rows it received back to the rows that entered the pre-aggregators
 * before it (the workers), for the {@code workers} table.
 *
 * <p>The discarded share follows each input's most favourable route to the aggregate: through a
 * stage, an input's share is the least, over the output rows computed from it, of 1 − (1 − the
 * output's share) · the output's factor (a clipping factor; 1 for mixing, which keeps the share as
 * it is). So an input is wholly discarded exactly when no row carrying it was used, as for {@link
 * Aggregation#used}; through nearest-neighbour mixing a report counts as kept as far as the
 * best-kept neighbourhood that holds it, which says nothing of how much the mixing diluted it.
 *
 * <p>The rule's score of an input is that of its carrier: output row i for input i through a stage
 * that returns as many rows as it receives (clip, arc, nnm), else the first output row computed
 * from it (bucketing's bucket).
 */
final class StageTrace {

  private StageTrace() {}

  /** Per input of the first stage ({@code entering} rows), its discarded share. */
  static double[] discarded(List<PreAggregation> stages, double[] ruleDiscarded, int entering) {
    double[] out = ruleDiscarded;
    for (int t = stages.size() - 1; t >= 0; t--) {
      PreAggregation stage = stages.get(t);
      int inputs = t == 0 ? entering : stages.get(t - 1).rows().length;
      double[] in = new double[inputs];
      Arrays.fill(in, 1);
      for (int r = 0; r < stage.sources().length; r++) {
        double f = stage.factors()[r];
        // A factor of 1 passes the share on unchanged (no rounding: 1 − (1 − x) is not x).
        double share = f == 1 ? out[r] : 1 - (1 - out[r]) * f;
        for (int s : stage.sources()[r]) {
          in[s] = Math.min(in[s], share);
        }
      }
      out = in;
    }
    return out;
  }

  /** Per input of the first stage, the rule's row that carries it (−1: none). */
  static int[] carriers(List<PreAggregation> stages, int entering) {
    int[] carrier = CoordinateUse.all(entering);
    int inputs = entering;
    for (PreAggregation stage : stages) {
      int outputs = stage.rows().length;
      int[] next = new int[inputs];
      Arrays.fill(next, -1);
      for (int r = outputs - 1; r >= 0; r--) {
        for (int s : stage.sources()[r]) {
          next[s] = r;
        }
      }
      for (int i = 0; i < carrier.length; i++) {
        int c = carrier[i];
        carrier[i] = c < 0 ? -1 : outputs == inputs ? c : next[c];
      }
      inputs = outputs;
    }
    return carrier;
  }
}
