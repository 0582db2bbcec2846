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
 * {@code drop} oracle) or those a detector flags ({@code detect}), run the pre-aggregators in
 * order, then the aggregation rule.
 *
 * <p>The workers used are the sources of the rows the rule used. k, the number of worker gradients
 * the aggregate stands for, is the rule's k multiplied by the largest number of inputs a
 * pre-aggregator combined into one row (s for bucketing, n − f for NNM), capped at the number of
 * workers used; without pre-aggregators it is the rule's k. The stages themselves run in {@link
 * Pipeline}; this class adds the fallback for missing reports and the state carried between steps.
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
  private final Pipeline stages;
  private final boolean dropsFlagged;
  private final int tolerated;
  private final IntFunction<Defense> rebuild;
  private final String ruleSpec;
  private final long seed;
  private final Map<Integer, Defense> fallbacks = new HashMap<>();
  private int workers = -1;

  /** A defense from its parts (without fallback for missing reports). */
  public Defense(String name, boolean dropKnownFaulty, List<PreAggregator> pre, Aggregator rule) {
    this(name, dropKnownFaulty, false, pre, rule, 0, null, null, 0);
  }

  private Defense(
      String name,
      boolean dropKnownFaulty,
      boolean dropsFlagged,
      List<PreAggregator> pre,
      Aggregator rule,
      int tolerated,
      IntFunction<Defense> rebuild,
      String ruleSpec,
      long seed) {
    this.name = name;
    this.ruleSpec = ruleSpec;
    this.seed = seed;
    this.stages = new Pipeline(dropKnownFaulty || dropsFlagged, pre, rule);
    this.dropsFlagged = dropsFlagged;
    this.tolerated = tolerated;
    this.rebuild = rebuild;
  }

  /**
   * {@link #parse(String, String, int, long)} with {@link PreAggregatorRegistry#DEFAULT_SEED}: a
   * run should pass its own seed, which {@code bucketing} and {@code dnc} use.
   */
  public static Defense parse(String ruleSpec, String preChain, int tolerated) {
    return parse(ruleSpec, preChain, tolerated, PreAggregatorRegistry.DEFAULT_SEED);
  }

  /**
   * Builds the defense {@code -df ruleSpec --pre preChain} for declared f = {@code tolerated};
   * {@code seed} (the run's) seeds the bucketing permutations and DnC's sampled coordinates. Throws
   * {@link IllegalArgumentException} for an unknown name or a bad parameter, listing the valid
   * ones.
   */
  public static Defense parse(String ruleSpec, String preChain, int tolerated, long seed) {
    Spec spec = Spec.parse(ruleSpec);
    Aggregator rule = AggregatorRegistry.create(spec, tolerated, seed);
    List<PreAggregator> chain = PreAggregatorRegistry.parseChain(preChain, tolerated, seed);
    String name = spec.text() + (chain.isEmpty() ? "" : " (pre " + preChain.replace(" ", "") + ")");
    return new Defense(
        name,
        spec.name().equals("drop"),
        spec.name().equals("detect"),
        chain,
        rule,
        tolerated,
        f -> parse(ruleSpec, preChain, f, seed),
        ruleSpec,
        seed);
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
    // A detector's flags are not known before the run: check for none flagged.
    stages.check(workers, dropsFlagged ? 0 : knownFaulty);
    this.workers = workers;
  }

  /** Whether this defense removes the known faulty workers before aggregating (the oracle). */
  public boolean dropsKnownFaulty() {
    return stages.dropsKnownFaulty() && !dropsFlagged;
  }

  /**
   * Whether this defense ({@code detect}) removes the workers a detector flags before aggregating:
   * {@link #apply}'s {@code faulty} then holds the detector's flags rather than the truth.
   */
  public boolean dropsFlagged() {
    return dropsFlagged;
  }

  /**
   * Whether the rule needs the server's root gradient ({@code fltrust}): then {@link
   * #apply(float[][], boolean[], float[])} must be given it.
   */
  public boolean needsRoot() {
    return stages.rule().needsRoot();
  }

  /** The aggregation rule. */
  public Aggregator rule() {
    return stages.rule();
  }

  /** The pre-aggregators, in the order they run. */
  public List<PreAggregator> preAggregators() {
    return stages.pre();
  }

  /** Forgets the state of the rule and pre-aggregators (centered clipping, bucketing). */
  public void reset() {
    stages.rule().reset();
    for (PreAggregator p : stages.pre()) {
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
    for (PreAggregator p : stages.pre()) {
      preStates.add(p.state());
    }
    Map<Integer, State> fallbackStates = new TreeMap<>();
    fallbacks.forEach((f, d) -> fallbackStates.put(f, d.state()));
    return new State(preStates, stages.rule().state(), fallbackStates);
  }

  /**
   * Continues from {@code state}, a {@link #state()} of a defense built alike: the next {@link
   * #apply} aggregates as that defense's would.
   *
   * @throws IllegalArgumentException when the state has another number of pre-aggregators, or
   *     fallbacks this defense cannot build
   */
  public void restore(State state) {
    List<PreAggregator> pre = stages.pre();
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
    stages.rule().restore(state.rule());
    fallbacks.clear();
    state.fallbacks().forEach((f, s) -> fallbacks.computeIfAbsent(f, rebuild::apply).restore(s));
  }

  /**
   * Aggregates one step's reports.
   *
   * @param rows the reported gradients that arrived, in worker order
   * @param faulty for each row, whether its worker is known to be faulty ({@code drop}) or flagged
   *     by the detector ({@code detect}); read only by those two, may be null otherwise
   * @return the aggregate, k, and for each given row whether it was used
   */
  public Aggregation apply(float[][] rows, boolean[] faulty) {
    return apply(rows, faulty, null);
  }

  /**
   * {@link #apply(float[][], boolean[])} with the server's root gradient {@code root} of this step
   * (for a rule that {@link #needsRoot() needs} it; null: none).
   */
  public Aggregation apply(float[][] rows, boolean[] faulty, float[] root) {
    Rows.requireMatrix(rows);
    int n = rows.length;
    int missing = workers - n;
    if (missing > 0
        && rebuild != null
        && !stages.feasible(n - (stages.dropsKnownFaulty() ? count(faulty) : 0))) {
      int f = Math.max(0, tolerated - missing);
      return fallbacks.computeIfAbsent(f, rebuild::apply).apply(rows, faulty, root);
    }
    return stages.aggregate(rows, faulty, root);
  }

  /**
   * Whether this defense's aggregate follows from the rows' pairwise distances and a combination
   * done coordinate by coordinate ({@link #plan}): a {@link RowSelection} rule alone, or {@code
   * nnm} alone before any other rule (which must then be coordinate-wise); no {@code drop} or
   * detector.
   */
  public boolean plansOnDistances() {
    if (stages.dropsKnownFaulty() || ruleSpec == null) {
      return false;
    }
    List<PreAggregator> pre = stages.pre();
    return pre.isEmpty()
        ? stages.rule() instanceof RowSelection
        : pre.size() == 1
            && pre.get(0) instanceof NearestNeighborMixing
            && !(stages.rule() instanceof RowSelection);
  }

  /**
   * What a {@link #plansOnDistances} defense does with the n reports that arrived, decided from
   * their squared distances ({@code far}: the non-finite ones), with the fallback of {@link #apply}
   * for missing reports: its {@link BlockCombination#apply} on the rows (and the {@link #anchor})
   * then gives {@link #apply}'s aggregation bit for bit.
   *
   * @param n the reports that arrived
   * @param squared the squared distances of the n rows and the anchor, if any
   * @param far which of them are non-finite
   * @throws IllegalArgumentException when n reports are too few for the defense, as {@link #apply}
   */
  public BlockCombination plan(int n, double[][] squared, boolean[] far) {
    Defense d = forArrivals(n);
    if (d.stages.pre().isEmpty()) {
      return ((RowSelection) d.stages.rule()).plan(squared, far);
    }
    d.stages.check(n, 0);
    return ((NearestNeighborMixing) d.stages.pre().get(0))
        .mixing(squared, d.ruleSpec, d.tolerated, d.seed);
  }

  /**
   * The point a {@link #plansOnDistances} defense adds after n arrived rows of d coordinates
   * ({@link RowSelection#anchor}), or null.
   */
  public RowSelection.Anchor anchor(int n, int d) {
    Defense f = forArrivals(n);
    return f.stages.pre().isEmpty() ? ((RowSelection) f.stages.rule()).anchor(d) : null;
  }

  /** Takes the aggregate of n arrived reports planned by {@link #plan}, for the rule's state. */
  public void completed(int n, float[] aggregate) {
    Defense f = forArrivals(n);
    if (f.stages.pre().isEmpty()) {
      ((RowSelection) f.stages.rule()).completed(aggregate);
    }
  }

  /** This defense, or the fallback {@link #apply} uses when only n reports arrive. */
  private Defense forArrivals(int n) {
    if (n == 0) {
      throw new IllegalArgumentException("aggregation needs at least one gradient; got n=0");
    }
    if (workers - n > 0 && rebuild != null && !stages.feasible(n)) {
      int f = Math.max(0, tolerated - (workers - n));
      return fallbacks.computeIfAbsent(f, rebuild::apply);
    }
    return this;
  }

  private static int count(boolean[] flags) {
    return flags == null ? 0 : Rows.count(flags);
  }

  @Override
  public String toString() {
    return name;
  }
}
