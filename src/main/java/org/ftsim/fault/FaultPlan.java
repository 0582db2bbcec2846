package org.ftsim.fault;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.base.Seeds;

/**
 * Which worker applies which fault at which step: the faulty set, one fault per faulty worker
 * ({@code --fault} with {@code --fault-of} overrides) and the schedule ({@code --fault-start},
 * {@code --fault-prob}). Pure: the same seed always gives the same plan.
 *
 * <p>Schedule: faulty worker w misbehaves at step t ≥ start with probability p, decided by the
 * (seed, w, t) schedule stream, independently across workers and steps; p = 1 always, p = 0 never.
 * A faulty worker that does not misbehave reports its honest gradient, but it still counts in f and
 * is never one of the honest workers omniscient faults read.
 */
public final class FaultPlan {

  private final int workers;
  private final boolean[] faulty;
  private final int[] honestWorkers;
  private final int faultyCount;
  private final Fault[] faults;
  private final String[] faultNames;
  private final double probability;
  private final long start;
  private final long seed;

  /**
   * A plan. Every argument is validated here, and so is every used fault's feasibility ({@link
   * Fault#checkFeasible}), so that a bad plan fails before the first step.
   *
   * @param workers n ≥ 1
   * @param faultyWorkers the faulty workers' indices, distinct, in [0, n)
   * @param defaultFault the fault spec of every faulty worker without an override; parsed and
   *     validated even when there are no faulty workers
   * @param overrides per-worker fault specs ({@code --fault-of}); every key must be a faulty worker
   * @param probability the chance that a faulty worker misbehaves at a given step, in [0, 1]
   * @param start the first global step at which faults apply, ≥ 1
   * @param seed the run's seed
   * @throws IllegalArgumentException with a one-line message naming the bad value
   */
  public FaultPlan(
      int workers,
      int[] faultyWorkers,
      String defaultFault,
      Map<Integer, String> overrides,
      double probability,
      long start,
      long seed) {
    if (workers < 1) {
      throw new IllegalArgumentException("the number of workers must be >= 1; got " + workers);
    }
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("fault probability must be in [0, 1]; got " + probability);
    }
    if (start < 1) {
      throw new IllegalArgumentException("fault start step counts from 1; got " + start);
    }
    this.workers = workers;
    this.faulty = new boolean[workers];
    this.faults = new Fault[workers];
    this.faultNames = new String[workers];
    String defaultName = defaultFault.trim();
    Fault shared = FaultRegistry.create(defaultName);
    for (int w : faultyWorkers) {
      if (w < 0 || w >= workers) {
        throw new IllegalArgumentException(
            "faulty worker " + w + " out of range [0, " + (workers - 1) + "]");
      }
      if (faulty[w]) {
        throw new IllegalArgumentException("faulty worker " + w + " given twice");
      }
      faulty[w] = true;
      faults[w] = shared;
      faultNames[w] = defaultName;
    }
    this.faultyCount = faultyWorkers.length;
    this.honestWorkers = new int[workers - faultyCount];
    for (int w = 0, j = 0; w < workers; w++) {
      if (!faulty[w]) {
        honestWorkers[j++] = w;
      }
    }
    for (Map.Entry<Integer, String> e : new TreeMap<>(overrides).entrySet()) {
      int w = e.getKey();
      if (w < 0 || w >= workers || !faulty[w]) {
        throw new IllegalArgumentException(
            "--fault-of "
                + w
                + "="
                + e.getValue()
                + ": worker "
                + w
                + " is not faulty; faulty workers: "
                + Arrays.toString(faultyWorkers()));
      }
      String name = e.getValue().trim();
      faults[w] = FaultRegistry.create(name);
      faultNames[w] = name;
    }
    for (int w = 0; w < workers; w++) {
      if (faulty[w]) {
        try {
          faults[w].checkFeasible(workers, honestWorkers.clone());
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException(
              "fault " + faultNames[w] + " of worker " + w + ": " + e.getMessage(), e);
        }
      }
    }
    this.probability = probability;
    this.start = start;
    this.seed = seed;
  }

  /** n. */
  public int workers() {
    return workers;
  }

  /** Whether worker {@code w} is faulty (the truth, whether or not it misbehaves at a step). */
  public boolean isFaulty(int w) {
    return faulty[w];
  }

  /** The number of faulty workers. */
  public int faultyCount() {
    return faultyCount;
  }

  /** The faulty workers' indices, increasing. */
  public int[] faultyWorkers() {
    int[] out = new int[faultyCount];
    for (int w = 0, j = 0; w < workers; w++) {
      if (faulty[w]) {
        out[j++] = w;
      }
    }
    return out;
  }

  /** The honest workers' indices, increasing. */
  public int[] honestWorkers() {
    return honestWorkers.clone();
  }

  /**
   * The fault spec of worker {@code w} as given (trimmed), or {@code null} for an honest worker.
   */
  public String faultName(int w) {
    return faultNames[w];
  }

  /** The fault of worker {@code w}, or {@code null} for an honest worker. */
  public Fault fault(int w) {
    return faults[w];
  }

  /** The probability that a faulty worker misbehaves at a step from the start on. */
  public double probability() {
    return probability;
  }

  /** The first step at which faults apply. */
  public long start() {
    return start;
  }

  /** Whether faulty worker {@code w} misbehaves at global step {@code step} (from 1). */
  public boolean misbehaves(int w, long step) {
    if (!faulty[w] || step < start) {
      return false;
    }
    return probability >= 1
        || Seeds.random(seed, Seeds.FAULT_SCHEDULE, w, step).nextDouble() < probability;
  }

  /** Whether worker {@code w}'s report at global step {@code step} arrives (it does not crash). */
  public boolean arrives(int w, long step) {
    return !(misbehaves(w, step) && faults[w].reportsNothing());
  }

  /** Whether worker {@code w} computes its step-{@code step} gradient on flipped labels. */
  public boolean flipsLabels(int w, long step) {
    return misbehaves(w, step) && faults[w].flipsLabels();
  }

  /**
   * Applies the plan to one step's honest gradients. The honest workers' rows and their statistics
   * (mean, standard deviation) are shared by all the step's faults and computed at most once.
   *
   * @param step the global step, from 1
   * @param honest every worker's gradient as computed (worker order, length n)
   * @param source for each worker, whose gradient it reports before corruption (itself normally;
   *     the replica phase gives a faulty worker a healthy worker's batch)
   * @param defense the run's defense, for faults that adapt to it ({@link DefenseProbe#NONE} if
   *     none)
   * @return what each worker reports: a new array for a misbehaving worker, the honest array itself
   *     otherwise, {@code null} for a crashed one
   */
  public float[][] apply(long step, float[][] honest, int[] source, DefenseProbe defense) {
    if (honest.length != workers || source.length != workers) {
      throw new IllegalArgumentException(
          "the plan has "
              + workers
              + " workers; got "
              + honest.length
              + " gradients and "
              + source.length
              + " sources");
    }
    float[][] honestRows = new float[honestWorkers.length][];
    for (int j = 0; j < honestWorkers.length; j++) {
      honestRows[j] = honest[honestWorkers[j]];
    }
    HonestGradients shared = new HonestGradients(honestWorkers, honestRows);
    float[][] reported = new float[workers][];
    for (int w = 0; w < workers; w++) {
      reported[w] = corrupt(step, w, honest[source[w]], shared, defense);
    }
    return reported;
  }

  /**
   * What worker {@code w} reports at {@code step} given only its own gradient {@code honest}: as
   * {@link #apply} would (same fault, same random stream), for a plan without {@link
   * Fault#omniscient} faults, which can therefore run where each gradient is computed.
   *
   * @throws IllegalStateException when worker w's fault is omniscient
   */
  public float[] corruptAlone(long step, int w, float[] honest) {
    if (misbehaves(w, step) && faults[w].omniscient()) {
      throw new IllegalStateException(
          "fault " + faultNames[w] + " of worker " + w + " reads the honest gradients");
    }
    return corrupt(step, w, honest, null);
  }

  /**
   * What worker {@code w} reports at {@code step} from gradient {@code own}, its fault reading the
   * honest gradients {@code shared} (of the same coordinates as {@code own}): exactly one worker's
   * part of {@link #apply}. The omniscient faults act on each coordinate alone, through the honest
   * workers' coordinate-wise statistics, so they may be given one block of coordinates; the random
   * ones draw coordinate after coordinate and must be given the whole gradient.
   */
  public float[] corrupt(long step, int w, float[] own, HonestGradients shared) {
    return corrupt(step, w, own, shared, DefenseProbe.NONE);
  }

  private float[] corrupt(
      long step, int w, float[] own, HonestGradients shared, DefenseProbe defense) {
    if (!misbehaves(w, step)) {
      return own;
    }
    FaultContext context =
        new FaultContext(
            w,
            step,
            shared,
            workers,
            faultyCount,
            Seeds.random(seed, Seeds.FAULT, w, step),
            defense);
    return faults[w].corrupt(own, context);
  }

  /** {@link #apply(long, float[][], int[], DefenseProbe)} without a defense to probe. */
  public float[][] apply(long step, float[][] honest, int[] source) {
    return apply(step, honest, source, DefenseProbe.NONE);
  }

  /** {@link #apply(long, float[][], int[], DefenseProbe)} with every worker its own source. */
  public float[][] apply(long step, float[][] honest, DefenseProbe defense) {
    int[] self = new int[workers];
    for (int w = 0; w < workers; w++) {
      self[w] = w;
    }
    return apply(step, honest, self, defense);
  }

  /** {@link #apply(long, float[][], DefenseProbe)} without a defense to probe. */
  public float[][] apply(long step, float[][] honest) {
    return apply(step, honest, DefenseProbe.NONE);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder();
    for (int w = 0; w < workers; w++) {
      if (faulty[w]) {
        b.append(b.length() == 0 ? "" : ", ").append(w).append('=').append(faults[w]);
      }
    }
    return (b.length() == 0 ? "no faulty workers" : b)
        + (probability < 1 ? ", p=" + probability : "")
        + (start > 1 ? ", from step " + start : "");
  }
}
