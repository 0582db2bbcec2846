package org.ftsim.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The stages a {@link Defense} runs on one step's rows, in order: the {@code drop} oracle (removal
 * of the known faulty workers), the pre-aggregators, then the rule; with their feasibility check
 * and the bookkeeping of which input rows each output row came from.
 *
 * <p>Immutable in itself; the rule and pre-aggregators may carry state ({@link Defense#state()}).
 */
final class Pipeline {

  private final boolean dropKnownFaulty;
  private final List<PreAggregator> pre;
  private final Aggregator rule;

  Pipeline(boolean dropKnownFaulty, List<PreAggregator> pre, Aggregator rule) {
    this.dropKnownFaulty = dropKnownFaulty;
    this.pre = List.copyOf(pre);
    this.rule = rule;
  }

  boolean dropsKnownFaulty() {
    return dropKnownFaulty;
  }

  List<PreAggregator> pre() {
    return pre;
  }

  Aggregator rule() {
    return rule;
  }

  /**
   * Checks that the stages can handle what arrives from {@code workers} workers of which {@code
   * knownFaulty} are faulty; the message of a failing stage says how the stages before it changed
   * the number of rows.
   */
  void check(int workers, int knownFaulty) {
    int n = dropKnownFaulty ? workers - knownFaulty : workers;
    String context =
        dropKnownFaulty && knownFaulty > 0
            ? "drop leaves " + n + " of " + workers + " workers"
            : null;
    for (PreAggregator p : pre) {
      int rowsIn = n;
      withContext(() -> p.checkFeasible(rowsIn), context);
      int rowsOut = p.outputCount(rowsIn);
      if (rowsOut != rowsIn) {
        context = p + " turns " + rowsIn + " rows into " + rowsOut;
      }
      n = rowsOut;
    }
    int rows = n;
    withContext(() -> rule.checkFeasible(rows), context);
  }

  /** Whether the stages accept {@code rows} rows (after drop). */
  boolean feasible(int rows) {
    try {
      check(rows, 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static void withContext(Runnable check, String context) {
    try {
      check.run();
    } catch (IllegalArgumentException e) {
      if (context == null) {
        throw e;
      }
      throw new IllegalArgumentException(e.getMessage() + " (" + context + ")", e);
    }
  }

  /**
   * Runs the stages on one step's rows.
   *
   * @param rows the reported gradients that arrived, in worker order
   * @param faulty for each row, whether its worker is known to be faulty (read only by {@code
   *     drop}; may be null otherwise)
   * @param root the server's root gradient, for a rule that {@link Aggregator#needsRoot() needs} it
   *     (null: none)
   * @return the aggregate, k, and for each given row whether it was used
   */
  Aggregation aggregate(float[][] rows, boolean[] faulty, float[] root) {
    int n = rows.length;
    float[][] input = rows;
    int[] index = CoordinateUse.all(n);
    if (dropKnownFaulty) {
      if (faulty == null || faulty.length != n) {
        throw new IllegalArgumentException(
            "drop needs a faulty flag per row; got "
                + (faulty == null ? "none" : faulty.length)
                + " for n="
                + n);
      }
      int kept = n - Rows.count(faulty);
      input = new float[kept][];
      index = new int[kept];
      for (int i = 0, j = 0; i < n; i++) {
        if (!faulty[i]) {
          input[j] = rows[i];
          index[j++] = i;
        }
      }
    }
    int entering = input.length;
    // origin[r]: the positions in `input` that row r of the current stage was computed from.
    int[][] origin = PreAggregation.oneToOne(input).sources();
    long fanIn = 1;
    List<PreAggregation> stages = new ArrayList<>(pre.size());
    for (PreAggregator p : pre) {
      PreAggregation stage = p.preAggregate(input);
      stages.add(stage);
      origin = compose(origin, stage.sources(), entering);
      fanIn *= stage.fanIn();
      input = stage.rows();
    }
    Aggregation inner = rule.aggregate(input, root);
    boolean[] used = new boolean[n];
    for (int r = 0; r < inner.used().length; r++) {
      if (inner.used()[r]) {
        for (int s : origin[r]) {
          used[index[s]] = true;
        }
      }
    }
    int k = fanIn == 1 ? inner.kept() : (int) Math.min(Rows.count(used), inner.kept() * fanIn);
    double[] discarded = new double[n];
    Arrays.fill(discarded, 1);
    double[] entered = StageTrace.discarded(stages, inner.discarded(), entering);
    double[] scores = null;
    if (inner.scores() != null) {
      scores = new double[n];
      Arrays.fill(scores, Double.NaN);
    }
    int[] carrier = StageTrace.carriers(stages, entering);
    for (int s = 0; s < entering; s++) {
      discarded[index[s]] = entered[s];
      if (scores != null && carrier[s] >= 0) {
        scores[index[s]] = inner.scores()[carrier[s]];
      }
    }
    return new Aggregation(inner.gradient(), k, used, discarded, scores);
  }

  /** For each new row, the union of the origins of the rows it came from, in increasing order. */
  private static int[][] compose(int[][] origin, int[][] sources, int entering) {
    int[][] out = new int[sources.length][];
    for (int r = 0; r < sources.length; r++) {
      boolean[] mark = new boolean[entering];
      for (int s : sources[r]) {
        for (int o : origin[s]) {
          mark[o] = true;
        }
      }
      int[] u = new int[Rows.count(mark)];
      for (int o = 0, p = 0; o < entering; o++) {
        if (mark[o]) {
          u[p++] = o;
        }
      }
      out[r] = u;
    }
    return out;
  }
}
