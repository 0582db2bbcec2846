package org.ftsim.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.ftsim.base.Spec;

/**
 * What the driver does with one step's reports: optionally drop the known faulty workers (the
 * {@code drop} oracle), run the pre-aggregators in order, then the aggregation rule.
 *
 * <p>The workers used are the sources of the rows the rule used. k, the number of worker gradients
 * the aggregate stands for, is the rule's k multiplied by the largest number of inputs a
 * pre-aggregator combined into one row (s for bucketing, n − f for NNM), capped at the number of
 * workers used; without pre-aggregators it is the rule's k.
 *
 * <p>Missing reports (a crashed worker reports nothing): while the rows that arrived satisfy the
 * preconditions, the defense keeps the declared f. When they do not, and the defense was built by
 * {@link #parse} and checked with {@link #checkFeasible}, it counts the m missing workers among the
 * faulty ones (a crash is a fault) and uses the same rule and pre-aggregators built for f − m,
 * which are then feasible; such a fallback has its own state (centered clipping's centre,
 * bucketing's counter).
 */
public final class Defense {

  private final String name;
  private final boolean dropKnownFaulty;
  private final List<PreAggregator> pre;
  private final Aggregator rule;
  private final int tolerated;
  private final IntFunction<Defense> rebuild;
  private final Map<Integer, Defense> fallbacks = new HashMap<>();
  private int workers = -1;

  /** A defense from its parts (without fallback for missing reports). */
  public Defense(String name, boolean dropKnownFaulty, List<PreAggregator> pre, Aggregator rule) {
    this(name, dropKnownFaulty, pre, rule, 0, null);
  }

  private Defense(
      String name,
      boolean dropKnownFaulty,
      List<PreAggregator> pre,
      Aggregator rule,
      int tolerated,
      IntFunction<Defense> rebuild) {
    this.name = name;
    this.dropKnownFaulty = dropKnownFaulty;
    this.pre = List.copyOf(pre);
    this.rule = rule;
    this.tolerated = tolerated;
    this.rebuild = rebuild;
  }

  /**
   * {@link #parse(String, String, int, long)} with {@link PreAggregatorRegistry#DEFAULT_SEED}: a
   * run should pass its own seed, which only {@code bucketing} uses.
   */
  public static Defense parse(String ruleSpec, String preChain, int tolerated) {
    return parse(ruleSpec, preChain, tolerated, PreAggregatorRegistry.DEFAULT_SEED);
  }

  /**
   * Builds the defense {@code -df ruleSpec --pre preChain} for declared f = {@code tolerated};
   * {@code seed} (the run's) seeds the bucketing permutations. Throws {@link
   * IllegalArgumentException} for an unknown name or a bad parameter, listing the valid ones.
   */
  public static Defense parse(String ruleSpec, String preChain, int tolerated, long seed) {
    Spec spec = Spec.parse(ruleSpec);
    Aggregator rule = AggregatorRegistry.create(spec, tolerated);
    List<PreAggregator> chain = PreAggregatorRegistry.parseChain(preChain, tolerated, seed);
    String name = spec.text() + (chain.isEmpty() ? "" : " (pre " + preChain.replace(" ", "") + ")");
    return new Defense(
        name,
        spec.name().equals("drop"),
        chain,
        rule,
        tolerated,
        f -> parse(ruleSpec, preChain, f, seed));
  }

  /**
   * Checks, before a run, that the pre-aggregators and the rule can handle what arrives from {@code
   * workers} workers of which {@code knownFaulty} are faulty; throws {@link
   * IllegalArgumentException} naming the numbers, e.g. {@code Krum needs n > 2f + 2; got n=5, f=2}.
   */
  public void checkFeasible(int workers, int knownFaulty) {
    if (workers < 1 || knownFaulty < 0 || knownFaulty > workers) {
      throw new IllegalArgumentException(
          "need workers >= 1 and 0 <= faulty <= workers; got workers="
              + workers
              + ", faulty="
              + knownFaulty);
    }
    check(workers, knownFaulty);
    this.workers = workers;
  }

  /** Whether the chain and the rule accept {@code rows} rows (after drop). */
  private boolean feasible(int rows) {
    try {
      check(rows, 0);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private void check(int workers, int knownFaulty) {
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

  /** Whether this defense removes the known faulty workers before aggregating. */
  public boolean dropsKnownFaulty() {
    return dropKnownFaulty;
  }

  /** The aggregation rule. */
  public Aggregator rule() {
    return rule;
  }

  /** The pre-aggregators, in the order they run. */
  public List<PreAggregator> preAggregators() {
    return pre;
  }

  /** Forgets the state of the rule and pre-aggregators (centered clipping, bucketing). */
  public void reset() {
    rule.reset();
    for (PreAggregator p : pre) {
      p.reset();
    }
    fallbacks.values().forEach(Defense::reset);
  }

  /**
   * A copy of the state a defense carries from step to step, for checkpoints.
   *
   * @param pre each pre-aggregator's, in order
   * @param rule the rule's
   * @param fallbacks each fallback defense's (built when crashes left too few rows), by its f
   */
  public record State(List<CarriedState> pre, CarriedState rule, Map<Integer, State> fallbacks) {

    public State {
      pre = List.copyOf(pre);
      fallbacks = Map.copyOf(fallbacks);
    }
  }

  /** A copy of the state carried from step to step (centered clipping, bucketing, fallbacks). */
  public State state() {
    List<CarriedState> preStates = new ArrayList<>();
    for (PreAggregator p : pre) {
      preStates.add(p.state());
    }
    Map<Integer, State> fallbackStates = new TreeMap<>();
    fallbacks.forEach((f, d) -> fallbackStates.put(f, d.state()));
    return new State(preStates, rule.state(), fallbackStates);
  }

  /**
   * Continues from {@code state}, a {@link #state()} of a defense built alike: the next {@link
   * #apply} aggregates as that defense's would.
   *
   * @throws IllegalArgumentException when the state has another number of pre-aggregators, or
   *     fallbacks this defense cannot build
   */
  public void restore(State state) {
    if (state.pre().size() != pre.size()) {
      throw new IllegalArgumentException(
          "the state is of "
              + state.pre().size()
              + " pre-aggregators; "
              + name
              + " has "
              + pre.size());
    }
    if (!state.fallbacks().isEmpty() && rebuild == null) {
      throw new IllegalArgumentException(name + " builds no fallbacks; the state has some");
    }
    for (int i = 0; i < pre.size(); i++) {
      pre.get(i).restore(state.pre().get(i));
    }
    rule.restore(state.rule());
    fallbacks.clear();
    state.fallbacks().forEach((f, s) -> fallbacks.computeIfAbsent(f, rebuild::apply).restore(s));
  }

  /**
   * Aggregates one step's reports.
   *
   * @param rows the reported gradients that arrived, in worker order
   * @param faulty for each row, whether its worker is known to be faulty (used only by {@code
   *     drop}; may be null otherwise)
   * @return the aggregate, k, and for each given row whether it was used
   */
  public Aggregation apply(float[][] rows, boolean[] faulty) {
    Rows.requireMatrix(rows);
    int n = rows.length;
    int missing = workers - n;
    if (missing > 0 && rebuild != null && !feasible(n - (dropKnownFaulty ? count(faulty) : 0))) {
      int f = Math.max(0, tolerated - missing);
      return fallbacks.computeIfAbsent(f, rebuild::apply).apply(rows, faulty);
    }
    float[][] input = rows;
    int[] index = identity(n);
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
    for (PreAggregator p : pre) {
      PreAggregation stage = p.preAggregate(input);
      origin = compose(origin, stage.sources(), entering);
      fanIn *= stage.fanIn();
      input = stage.rows();
    }
    Aggregation inner = rule.aggregate(input);
    boolean[] used = new boolean[n];
    for (int r = 0; r < inner.used().length; r++) {
      if (inner.used()[r]) {
        for (int s : origin[r]) {
          used[index[s]] = true;
        }
      }
    }
    int k = fanIn == 1 ? inner.kept() : (int) Math.min(Rows.count(used), inner.kept() * fanIn);
    return new Aggregation(inner.gradient(), k, used);
  }

  private static int count(boolean[] flags) {
    return flags == null ? 0 : Rows.count(flags);
  }

  private static int[] identity(int n) {
    return CoordinateUse.all(n);
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

  @Override
  public String toString() {
    return name;
  }
}
