package org.ftsim.aggregation;

import java.util.List;
import org.ftsim.config.Spec;

/**
 * What the driver does with one step's reports: optionally drop the known faulty workers (the
 * {@code drop} oracle), run the pre-aggregators in order, then the aggregation rule.
 */
public final class Defense {

  private final String name;
  private final boolean dropKnownFaulty;
  private final List<PreAggregator> pre;
  private final Aggregator rule;

  /** A defense from its parts. */
  public Defense(String name, boolean dropKnownFaulty, List<PreAggregator> pre, Aggregator rule) {
    this.name = name;
    this.dropKnownFaulty = dropKnownFaulty;
    this.pre = List.copyOf(pre);
    this.rule = rule;
  }

  /**
   * Builds the defense {@code -df ruleSpec --pre preChain} for declared f = {@code tolerated}.
   * Throws {@link IllegalArgumentException} for an unknown name or a bad parameter.
   */
  public static Defense parse(String ruleSpec, String preChain, int tolerated) {
    Spec spec = Spec.parse(ruleSpec);
    Aggregator rule = AggregatorRegistry.create(spec, tolerated);
    return new Defense(
        spec.text(),
        spec.name().equals("drop"),
        PreAggregatorRegistry.parseChain(preChain, tolerated),
        rule);
  }

  /**
   * Checks, before a run, that the rule can aggregate what arrives from {@code workers} workers of
   * which {@code knownFaulty} are faulty.
   */
  public void checkFeasible(int workers, int knownFaulty) {
    rule.checkFeasible(dropKnownFaulty ? workers - knownFaulty : workers);
  }

  /** Whether this defense removes the known faulty workers before aggregating. */
  public boolean dropsKnownFaulty() {
    return dropKnownFaulty;
  }

  /**
   * Aggregates one step's reports.
   *
   * @param rows the reported gradients that arrived, in worker order
   * @param faulty for each row, whether its worker is known to be faulty (used only by {@code
   *     drop})
   * @return the aggregate, k, and for each given row whether it was used
   */
  public Aggregation apply(float[][] rows, boolean[] faulty) {
    int n = rows.length;
    float[][] input = rows;
    int[] index = null;
    if (dropKnownFaulty) {
      int kept = 0;
      for (boolean b : faulty) {
        kept += b ? 0 : 1;
      }
      input = new float[kept][];
      index = new int[kept];
      for (int i = 0, j = 0; i < n; i++) {
        if (!faulty[i]) {
          input[j] = rows[i];
          index[j++] = i;
        }
      }
    }
    boolean sameRows = true;
    for (PreAggregator p : pre) {
      int before = input.length;
      input = p.apply(input);
      sameRows &= input.length == before;
    }
    Aggregation inner = rule.aggregate(input);
    boolean[] used = new boolean[n];
    if (!sameRows) {
      // Rows were regrouped (e.g. bucketing): every row that went in contributed.
      for (int j = 0; j < (index == null ? n : index.length); j++) {
        used[index == null ? j : index[j]] = true;
      }
    } else {
      for (int j = 0; j < inner.used().length; j++) {
        if (inner.used()[j]) {
          used[index == null ? j : index[j]] = true;
        }
      }
    }
    return new Aggregation(inner.gradient(), inner.kept(), used);
  }

  @Override
  public String toString() {
    return name;
  }
}
