package org.ftsim.fault;

import java.util.Map;
import java.util.TreeMap;
import org.ftsim.config.Seeds;

/**
 * Which worker applies which fault at which step: the faulty set, one fault per faulty worker
 * ({@code --fault} with {@code --fault-of} overrides) and the schedule ({@code --fault-start},
 * {@code --fault-prob}). Pure: the same seed always gives the same plan.
 */
public final class FaultPlan {

  private final int workers;
  private final boolean[] faulty;
  private final int faultyCount;
  private final Fault[] faults;
  private final String[] faultNames;
  private final double probability;
  private final long start;
  private final long seed;

  /**
   * A plan.
   *
   * @param workers n
   * @param faultyWorkers the faulty workers' indices, distinct, in [0, n)
   * @param defaultFault the fault spec of every faulty worker without an override
   * @param overrides per-worker fault specs; every key must be a faulty worker
   * @param probability the chance that a faulty worker misbehaves at a given step, in [0, 1]
   * @param start the first global step at which faults apply
   * @param seed the run's seed
   */
  public FaultPlan(
      int workers,
      int[] faultyWorkers,
      String defaultFault,
      Map<Integer, String> overrides,
      double probability,
      long start,
      long seed) {
    if (!(probability >= 0 && probability <= 1)) {
      throw new IllegalArgumentException("fault probability must be in [0, 1]; got " + probability);
    }
    this.workers = workers;
    this.faulty = new boolean[workers];
    this.faults = new Fault[workers];
    this.faultNames = new String[workers];
    Fault shared = FaultRegistry.create(defaultFault);
    for (int w : faultyWorkers) {
      faulty[w] = true;
      faults[w] = shared;
      faultNames[w] = defaultFault;
    }
    for (Map.Entry<Integer, String> e : new TreeMap<>(overrides).entrySet()) {
      int w = e.getKey();
      if (w < 0 || w >= workers || !faulty[w]) {
        throw new IllegalArgumentException("worker " + w + " is not faulty");
      }
      faults[w] = FaultRegistry.create(e.getValue());
      faultNames[w] = e.getValue();
    }
    this.faultyCount = faultyWorkers.length;
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

  /** The fault spec of worker {@code w}, or {@code null} for an honest worker. */
  public String faultName(int w) {
    return faultNames[w];
  }

  /** The fault of worker {@code w}, or {@code null} for an honest worker. */
  public Fault fault(int w) {
    return faults[w];
  }

  /** Whether faulty worker {@code w} misbehaves at global step {@code step} (from 1). */
  public boolean misbehaves(int w, long step) {
    if (!faulty[w] || step < start) {
      return false;
    }
    return probability >= 1
        || Seeds.random(seed, Seeds.FAULT_SCHEDULE, w, step).nextDouble() < probability;
  }

  /** Whether worker {@code w} computes its step-{@code step} gradient on flipped labels. */
  public boolean flipsLabels(int w, long step) {
    return misbehaves(w, step) && faults[w].flipsLabels();
  }

  /**
   * Applies the plan to one step's honest gradients.
   *
   * @param step the global step, from 1
   * @param honest every worker's gradient as computed (worker order, length n)
   * @param source for each worker, whose gradient it reports before corruption (itself normally;
   *     the replica phase gives a faulty worker a healthy worker's batch)
   * @return what each worker reports: a new array for a misbehaving worker, the honest array itself
   *     otherwise, {@code null} for a crashed one
   */
  public float[][] apply(long step, float[][] honest, int[] source) {
    int honestCount = 0;
    for (int w = 0; w < workers; w++) {
      honestCount += faulty[w] ? 0 : 1;
    }
    float[][] honestRows = new float[honestCount][];
    for (int w = 0, j = 0; w < workers; w++) {
      if (!faulty[w]) {
        honestRows[j++] = honest[w];
      }
    }
    float[][] reported = new float[workers][];
    for (int w = 0; w < workers; w++) {
      float[] own = honest[source[w]];
      if (misbehaves(w, step)) {
        FaultContext context =
            new FaultContext(
                w,
                step,
                honestRows,
                workers,
                faultyCount,
                Seeds.random(seed, Seeds.FAULT, w, step));
        reported[w] = faults[w].corrupt(own, context);
      } else {
        reported[w] = own;
      }
    }
    return reported;
  }

  /** {@link #apply(long, float[][], int[])} with every worker reporting its own gradient. */
  public float[][] apply(long step, float[][] honest) {
    int[] self = new int[workers];
    for (int w = 0; w < workers; w++) {
      self[w] = w;
    }
    return apply(step, honest, self);
  }
}
