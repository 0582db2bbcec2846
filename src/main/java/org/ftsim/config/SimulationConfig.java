package org.ftsim.config;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ftsim.aggregation.Defense;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.data.Datasets;
import org.ftsim.data.Partitioner;
import org.ftsim.data.Partitioners;
import org.ftsim.fault.FaultPlan;
import org.ftsim.model.ModelSpec;
import org.ftsim.optim.LearningRateScaling;
import org.ftsim.optim.Optimizer;
import org.ftsim.optim.Optimizers;

/**
 * Everything that defines one simulation run (SPEC §3), immutable and serialisable to JSON. Built
 * with defaults by {@link #defaults()}, completed by {@link #resolved()} (per-dataset defaults) and
 * checked by {@link #validate()}.
 *
 * @param dataset dataset name
 * @param arch architecture, or null for the dataset's default
 * @param epochs epochs
 * @param globalBatchSize samples per step over all workers
 * @param workers n
 * @param faulty indices of the faulty workers
 * @param defense aggregation rule spec, or null for the default (drop with faulty workers, mean
 *     otherwise)
 * @param proc Spark parallelism in local mode and the partition count; 0 for all cores
 * @param resultsDir the results directory (any Hadoop path)
 * @param device compute device; only cpu
 * @param seed the one seed
 * @param fault the default fault spec of faulty workers
 * @param faultOf per-worker fault overrides
 * @param faultProb probability that a faulty worker misbehaves at a step
 * @param faultStart first global step at which faults apply
 * @param tolerate declared f for robust rules, or -1 for the number of faulty workers
 * @param pre pre-aggregator chain, or empty
 * @param lr base learning rate, or NaN for the dataset's default
 * @param optimizer sgd or adam, or null for the dataset's default (adam for CIFAR)
 * @param momentum heavy-ball momentum of sgd, or NaN for the default (0.9; 0 for dummy and adam)
 * @param lrScaling learning-rate scaling with k
 * @param evalEvery evaluate every N steps, or 0 for half and full epochs
 * @param logEvery print a step line every N steps
 * @param runId run identifier, or null to generate one
 * @param master Spark master, or null for local[proc] (or spark-submit's)
 * @param dataDir directory holding one folder per dataset
 * @param maxSteps stop after this many steps, or 0 for no limit
 * @param partition how the training set is dealt to the workers ({@link Partitioners})
 * @param correction the gradient-correction options
 * @param checkpointEvery write a checkpoint every N steps (and at the end), or 0 for none
 */
public record SimulationConfig(
    String dataset,
    String arch,
    int epochs,
    int globalBatchSize,
    int workers,
    List<Integer> faulty,
    String defense,
    int proc,
    String resultsDir,
    String device,
    long seed,
    String fault,
    Map<Integer, String> faultOf,
    double faultProb,
    long faultStart,
    int tolerate,
    String pre,
    double lr,
    String optimizer,
    double momentum,
    String lrScaling,
    int evalEvery,
    int logEvery,
    String runId,
    String master,
    String dataDir,
    long maxSteps,
    String partition,
    CorrectionConfig correction,
    int checkpointEvery) {

  /** The prototype's fault. */
  public static final String DEFAULT_FAULT = "scale:10";

  public SimulationConfig {
    faulty = List.copyOf(faulty);
    faultOf = Map.copyOf(new TreeMap<>(faultOf));
  }

  /** The defaults of SPEC §3, before per-dataset resolution. */
  public static SimulationConfig defaults() {
    return new SimulationConfig(
        "mnist",
        null,
        3,
        512,
        4,
        List.of(),
        null,
        0,
        "runs",
        "cpu",
        1,
        DEFAULT_FAULT,
        Map.of(),
        1.0,
        1,
        -1,
        "",
        Double.NaN,
        null,
        Double.NaN,
        "sqrt",
        0,
        1,
        null,
        null,
        "data",
        0,
        "iid",
        CorrectionConfig.off(),
        0);
  }

  /** This configuration with every per-dataset default filled in. */
  public SimulationConfig resolved() {
    String a = arch != null ? arch : ModelSpec.defaultArch(dataset);
    String d =
        defense != null ? defense : (faulty.isEmpty() || correction.enabled() ? "mean" : "drop");
    boolean dummy = dataset.equals("dummy");
    double l =
        !Double.isNaN(lr)
            ? lr
            : switch (dataset) {
              case "dummy" -> 0.01;
              case "cifar10" -> 0.005;
              default -> 0.001;
            };
    String o =
        optimizer != null
            ? optimizer
            : dataset.equals("cifar10") || dataset.equals("cifar100") ? "adam" : "sgd";
    double m = !Double.isNaN(momentum) ? momentum : dummy || o.equals("adam") ? 0.0 : 0.9;
    int f = tolerate >= 0 ? tolerate : faulty.size();
    return new SimulationConfig(
        dataset,
        a,
        epochs,
        globalBatchSize,
        workers,
        faulty,
        d,
        proc,
        resultsDir,
        device,
        seed,
        fault,
        faultOf,
        faultProb,
        faultStart,
        f,
        pre,
        l,
        o,
        m,
        lrScaling,
        evalEvery,
        logEvery,
        runId,
        master,
        dataDir,
        maxSteps,
        partition,
        correction,
        checkpointEvery);
  }

  /** The same configuration with run id {@code id}. */
  public SimulationConfig withRunId(String id) {
    return new SimulationConfig(
        dataset,
        arch,
        epochs,
        globalBatchSize,
        workers,
        faulty,
        defense,
        proc,
        resultsDir,
        device,
        seed,
        fault,
        faultOf,
        faultProb,
        faultStart,
        tolerate,
        pre,
        lr,
        optimizer,
        momentum,
        lrScaling,
        evalEvery,
        logEvery,
        id,
        master,
        dataDir,
        maxSteps,
        partition,
        correction,
        checkpointEvery);
  }

  /**
   * Checks a {@link #resolved()} configuration; throws {@link ConfigException} naming the first bad
   * flag and value.
   */
  public SimulationConfig validate() {
    try {
      Datasets.info(dataset);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("-d/--dataset", dataset, e.getMessage());
    }
    if (!ModelSpec.ARCHITECTURES.contains(arch)) {
      throw new ConfigException(
          "--arch",
          arch,
          "unknown architecture; valid: " + String.join(", ", ModelSpec.ARCHITECTURES));
    }
    if (dataset.equals("dummy") != arch.equals("linear")) {
      throw new ConfigException(
          "--arch",
          arch,
          dataset.equals("dummy")
              ? "the dummy regression takes the linear model"
              : "the linear model is for the dummy regression; use "
                  + ModelSpec.defaultArch(dataset));
    }
    String unsuitable = ModelSpec.unsuitableInput(arch, Datasets.info(dataset).shape());
    if (unsuitable != null) {
      throw new ConfigException("--arch", arch, unsuitable + " (dataset " + dataset + ")");
    }
    positive("-e/--epoch", epochs);
    positive("-w/--worker", workers);
    positive("-gb/--global_batch_size", globalBatchSize);
    if (globalBatchSize < workers) {
      throw new ConfigException(
          "-gb/--global_batch_size",
          globalBatchSize,
          "smaller than the number of workers (" + workers + ")");
    }
    boolean[] seen = new boolean[workers];
    for (int w : faulty) {
      if (w < 0 || w >= workers) {
        throw new ConfigException(
            "-f/--faulty", w, "worker index out of range [0, " + (workers - 1) + "]");
      }
      if (seen[w]) {
        throw new ConfigException("-f/--faulty", w, "worker index repeated");
      }
      seen[w] = true;
    }
    if (!faulty.isEmpty() && faulty.size() == workers) {
      throw new ConfigException(
          "-f/--faulty", faulty, "every worker is faulty; at least one must be honest");
    }
    if (proc < 0) {
      throw new ConfigException("--proc", proc, "must be positive");
    }
    if (!device.equals("cpu")) {
      throw new ConfigException(
          "--device", device, "no GPU backend on the classpath (nd4j-native is CPU only); use cpu");
    }
    if (!(faultProb >= 0 && faultProb <= 1)) {
      throw new ConfigException("--fault-prob", faultProb, "must be in [0, 1]");
    }
    if (faultStart < 1) {
      throw new ConfigException("--fault-start", faultStart, "steps count from 1");
    }
    try {
      buildFaultPlan();
    } catch (IllegalArgumentException e) {
      String flag = faultOf.isEmpty() ? "--fault" : "--fault/--fault-of";
      throw new ConfigException(
          flag, faultOf.isEmpty() ? fault : fault + " " + faultOf, e.getMessage());
    }
    if (tolerate < 0 || tolerate >= workers) {
      throw new ConfigException("--tolerate", tolerate, "must be in [0, " + (workers - 1) + "]");
    }
    Defense rule;
    try {
      rule = buildDefense();
    } catch (IllegalArgumentException e) {
      throw new ConfigException(
          pre.isBlank() ? "-df/--defense" : "-df/--pre",
          pre.isBlank() ? defense : defense + " --pre " + pre,
          e.getMessage());
    }
    try {
      rule.checkFeasible(workers, faulty.size());
    } catch (IllegalArgumentException e) {
      throw new ConfigException("-df/--defense", defense, e.getMessage());
    }
    if (rule.dropsKnownFaulty() && faulty.isEmpty()) {
      throw new ConfigException(
          "-df/--defense", defense, "drop removes the faulty workers, but -f names none");
    }
    if (correction.collects() && !correction.enabled()) {
      throw new ConfigException(
          "--data_coll_path",
          correction.collectPath(),
          "collects the replica pairs of gradient correction; add --correct");
    }
    if (correction.enabled()) {
      if (faulty.isEmpty()) {
        throw new ConfigException("--correct: corrects faulty workers, but -f names none");
      }
      if (rule.dropsKnownFaulty()) {
        throw new ConfigException(
            "-df/--defense",
            defense,
            "drop discards the corrected gradients; use mean or a robust rule");
      }
      if (!org.ftsim.correction.RegressorRegistry.names()
          .contains(org.ftsim.base.Spec.parse(correction.model()).name())) {
        throw new ConfigException(
            "--correct-model",
            correction.model(),
            "unknown regressor; valid: "
                + String.join(", ", org.ftsim.correction.RegressorRegistry.names()));
      }
      positive("--correct-every", correction.every());
      positive("--replica-steps", correction.replicaSteps());
      if (!(correction.weight() >= 0) || Double.isInfinite(correction.weight())) {
        throw new ConfigException(
            "--correct-weight", correction.weight(), "must be a finite number >= 0");
      }
    }
    if (!(lr > 0) || Double.isInfinite(lr)) {
      throw new ConfigException("--lr", lr, "must be a positive number");
    }
    if (!Optimizers.NAMES.contains(optimizer)) {
      throw new ConfigException(
          "--optimizer",
          optimizer,
          "unknown optimizer; valid: " + String.join(", ", Optimizers.NAMES));
    }
    if (!(momentum >= 0 && momentum < 1)) {
      throw new ConfigException("--momentum", momentum, "must be in [0, 1)");
    }
    try {
      buildOptimizer();
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--momentum", momentum, e.getMessage());
    }
    Partitioner partitioner;
    try {
      partitioner = Partitioners.create(partition);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--partition", partition, e.getMessage());
    }
    if (partitioner.needsLabels() && Datasets.info(dataset).classes() == 0) {
      throw new ConfigException(
          "--partition", partition, "deals by label; the " + dataset + " regression has none");
    }
    try {
      LearningRateScaling.parse(lrScaling);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--lr-scaling", lrScaling, e.getMessage());
    }
    if (evalEvery < 0) {
      throw new ConfigException(
          "--eval-every", evalEvery, "must be 0 (half and full epochs) or positive");
    }
    positive("--log-every", logEvery);
    if (maxSteps < 0) {
      throw new ConfigException("--max-steps", maxSteps, "must be 0 (no limit) or positive");
    }
    if (checkpointEvery < 0) {
      throw new ConfigException(
          "--checkpoint-every", checkpointEvery, "must be 0 (no checkpoints) or positive");
    }
    if (checkpointEvery > 0 && correction.collects()) {
      throw new ConfigException(
          "--checkpoint-every",
          checkpointEvery,
          "a --data_coll_path run ends after its first replica phase; it has nothing to resume");
    }
    if (runId != null && !runId.matches("[A-Za-z0-9._-]+")) {
      throw new ConfigException(
          "--run-id", runId, "only letters, digits, '.', '_' and '-' are allowed");
    }
    return this;
  }

  /** The fault plan of this configuration. */
  public FaultPlan buildFaultPlan() {
    return new FaultPlan(
        workers,
        faulty.stream().mapToInt(Integer::intValue).toArray(),
        fault,
        faultOf,
        faultProb,
        faultStart,
        seed);
  }

  /** A fresh optimizer of this configuration. */
  public Optimizer buildOptimizer() {
    return Optimizers.create(optimizer, momentum);
  }

  /**
   * The batch plan of this configuration over {@code train}; a partition that cannot be dealt (e.g.
   * a worker short of a sub-batch) throws {@link ConfigException} naming {@code --partition}.
   */
  public BatchPlan buildBatchPlan(Dataset train) {
    try {
      return Partitioners.create(partition).plan(train, globalBatchSize, workers, seed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--partition", partition, e.getMessage());
    }
  }

  /** The defense of this configuration. */
  public Defense buildDefense() {
    return Defense.parse(defense, pre, tolerate, seed);
  }

  private static void positive(String flag, long value) {
    if (value < 1) {
      throw new ConfigException(flag, value, "must be positive");
    }
  }
}
