package org.ftsim.config;

/**
 * The checks of a configuration's plain values, each naming the flag and the value it refuses; what
 * needs the components (a fault or rule spec, the dataset's shape) is checked when the run is
 * assembled.
 */
public final class Checks {

  private Checks() {}

  /** Checks {@code c}, whose defaults are resolved; throws {@link ConfigException}. */
  public static SimulationConfig check(SimulationConfig c) {
    run(c.run());
    DataConfig d = c.data();
    positive("-w/--worker", d.workers());
    positive("-gb/--global_batch_size", d.globalBatchSize());
    if (d.globalBatchSize() < d.workers()) {
      throw new ConfigException(
          "-gb/--global_batch_size",
          d.globalBatchSize(),
          "smaller than the number of workers (" + d.workers() + ")");
    }
    positive("-e/--epoch", c.training().epochs());
    faults(c.faults(), d.workers());
    int tolerate = c.defense().tolerate();
    if (tolerate < 0 || tolerate >= d.workers()) {
      throw new ConfigException(
          "--tolerate", tolerate, "must be in [0, " + (d.workers() - 1) + "]");
    }
    training(c.training());
    correction(c.correction(), c.faults(), c.run());
    return c;
  }

  private static void run(RunConfig r) {
    if (r.proc() < 0) {
      throw new ConfigException("--proc", r.proc(), "must be positive");
    }
    if (!r.device().equals("cpu")) {
      throw new ConfigException(
          "--device",
          r.device(),
          "no GPU backend on the classpath (nd4j-native is CPU only); use cpu");
    }
    if (r.evalEvery() < 0) {
      throw new ConfigException(
          "--eval-every", r.evalEvery(), "must be 0 (half and full epochs) or positive");
    }
    positive("--log-every", r.logEvery());
    if (r.maxSteps() < 0) {
      throw new ConfigException("--max-steps", r.maxSteps(), "must be 0 (no limit) or positive");
    }
    if (r.checkpointEvery() < 0) {
      throw new ConfigException(
          "--checkpoint-every", r.checkpointEvery(), "must be 0 (no checkpoints) or positive");
    }
    if (r.runId() != null && !r.runId().matches("[A-Za-z0-9._-]+")) {
      throw new ConfigException(
          "--run-id", r.runId(), "only letters, digits, '.', '_' and '-' are allowed");
    }
  }

  private static void faults(FaultConfig f, int workers) {
    boolean[] seen = new boolean[workers];
    for (int w : f.faulty()) {
      if (w < 0 || w >= workers) {
        throw new ConfigException(
            "-f/--faulty", w, "worker index out of range [0, " + (workers - 1) + "]");
      }
      if (seen[w]) {
        throw new ConfigException("-f/--faulty", w, "worker index repeated");
      }
      seen[w] = true;
    }
    if (!f.faulty().isEmpty() && f.faulty().size() == workers) {
      throw new ConfigException(
          "-f/--faulty", f.faulty(), "every worker is faulty; at least one must be honest");
    }
    if (!(f.faultProb() >= 0 && f.faultProb() <= 1)) {
      throw new ConfigException("--fault-prob", f.faultProb(), "must be in [0, 1]");
    }
    if (f.faultStart() < 1) {
      throw new ConfigException("--fault-start", f.faultStart(), "steps count from 1");
    }
  }

  private static void training(TrainingConfig t) {
    if (!(t.lr() > 0) || Double.isInfinite(t.lr())) {
      throw new ConfigException("--lr", t.lr(), "must be a positive number");
    }
    if (!(t.momentum() >= 0 && t.momentum() < 1)) {
      throw new ConfigException("--momentum", t.momentum(), "must be in [0, 1)");
    }
  }

  private static void correction(CorrectionConfig c, FaultConfig f, RunConfig r) {
    if (c.collects() && !c.enabled()) {
      throw new ConfigException(
          "--data_coll_path",
          c.collectPath(),
          "collects the replica pairs of gradient correction; add --correct");
    }
    if (!c.enabled()) {
      return;
    }
    if (f.faulty().isEmpty()) {
      if (c.collects()) {
        throw new ConfigException(
            "--data_coll_path",
            c.collectPath(),
            "collects the faulty workers' replica pairs, but -f names none");
      }
      throw new ConfigException("--correct: corrects faulty workers, but -f names none");
    }
    positive("--correct-every", c.every());
    positive("--replica-steps", c.replicaSteps());
    if (!(c.weight() >= 0) || Double.isInfinite(c.weight())) {
      throw new ConfigException("--correct-weight", c.weight(), "must be a finite number >= 0");
    }
    if (r.checkpointEvery() > 0 && c.collects()) {
      throw new ConfigException(
          "--checkpoint-every",
          r.checkpointEvery(),
          "a --data_coll_path run ends after its first replica phase; it has nothing to resume");
    }
  }

  private static void positive(String flag, long value) {
    if (value < 1) {
      throw new ConfigException(flag, value, "must be positive");
    }
  }
}
