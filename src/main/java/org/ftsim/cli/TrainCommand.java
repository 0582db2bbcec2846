package org.ftsim.cli;

import java.util.ArrayList;
import java.util.List;
import org.ftsim.config.FaultConfig;
import org.ftsim.config.SimulationConfig;
import org.kohsuke.args4j.Option;

/**
 * The options of {@code ftsim train}: the prototype's flags first (SPEC §3), then ftsim's, then the
 * protocol options ({@link ProtocolOptions}).
 */
final class TrainCommand extends ProtocolOptions {

  @Option(
      name = "-d",
      aliases = "--dataset",
      metaVar = "NAME",
      usage = "dataset, listed below with its defaults")
  String dataset = "mnist";

  @Option(
      name = "--arch",
      metaVar = "NAME",
      usage = "architecture, listed below (default: the dataset's)")
  String arch;

  @Option(name = "-e", aliases = "--epoch", metaVar = "N", usage = "epochs")
  int epochs = 3;

  @Option(
      name = "-gb",
      aliases = "--global_batch_size",
      metaVar = "N",
      usage = "global batch, split into one sub-batch per worker")
  int globalBatch = 512;

  @Option(name = "-w", aliases = "--worker", metaVar = "N", usage = "simulated workers")
  int workers = 4;

  @Option(
      name = "-f",
      aliases = "--faulty",
      handler = WorkerIndices.class,
      metaVar = "I ...",
      usage = "indices of the faulty workers, e.g. -f 0 1 2 (default: none)")
  String[] faulty = {};

  @Option(
      name = "-df",
      aliases = "--defense",
      metaVar = "RULE",
      usage = "aggregation rule, name[:params], listed below (default: drop with -f, else mean)")
  String defense;

  @Option(
      name = "--proc",
      metaVar = "N",
      usage =
          "Spark parallelism in local mode (local[N]) and the partition count (default: all cores)")
  Integer proc;

  @Option(
      name = "-tb",
      aliases = "--tb",
      metaVar = "DIR",
      usage = "results directory, any Hadoop path: local, hdfs://, s3a://")
  String resultsDir = "runs";

  @Option(name = "--device", metaVar = "DEV", usage = "compute device: cpu")
  String device = "cpu";

  @Option(name = "--seed", metaVar = "N", usage = "the one seed: same seed, bit-identical results")
  long seed = 1;

  @Option(
      name = "--fault",
      metaVar = "SPEC",
      usage = "fault of every faulty worker, name[:value], listed below")
  String fault = FaultConfig.DEFAULT_FAULT;

  @Option(
      name = "--fault-of",
      metaVar = "I=SPEC",
      usage = "fault of faulty worker I, overriding --fault; repeatable")
  List<String> faultOf = new ArrayList<>();

  @Option(
      name = "--fault-prob",
      metaVar = "P",
      usage = "probability in [0, 1] that a faulty worker misbehaves at a step")
  double faultProb = 1;

  @Option(
      name = "--fault-start",
      metaVar = "STEP",
      usage = "first step (from 1) at which faults apply")
  long faultStart = 1;

  @Option(
      name = "--tolerate",
      metaVar = "F",
      usage = "declared f for robust rules (default: number of faulty workers)")
  Integer tolerate;

  @Option(
      name = "--detect",
      metaVar = "SPEC",
      usage =
          "detector of faulty workers, flagging them per step: zscore[:threshold],"
              + " reputation[:threshold,drift,cap], cosine-split[:silhouette], redundancy[:r]"
              + " (r copies of every sub-batch; default: none; -df detect drops the flagged"
              + " workers)")
  String detect;

  @Option(
      name = "--aggregate-on",
      metaVar = "WHERE",
      usage =
          "where faults and the rule run: driver (default; the n x d matrix on the driver) or"
              + " executors (coordinate blocks of every worker's gradient; mean, median,"
              + " trimmed-mean, meamed, drop)")
  String aggregateOn;

  @Option(
      name = "--pre",
      metaVar = "CHAIN",
      usage = "pre-aggregators, comma-separated, applied in order (default: none)")
  String pre;

  @Option(
      name = "--root-samples",
      metaVar = "N",
      usage =
          "the server's N trusted samples, drawn from the training set with the seed (they stay"
              + " in the workers' data); the root gradient -df fltrust needs (default: none)")
  Integer rootSamples;

  @Option(
      name = "--lr",
      metaVar = "X",
      usage = "base learning rate, scaled by sqrt(k) (default: the dataset's, listed below)")
  Double lr;

  @Option(
      name = "--optimizer",
      metaVar = "NAME",
      usage =
          "optimizer: sgd (heavy-ball), adam (betas 0.9, 0.999), PyTorch semantics"
              + " (default: the dataset's)")
  String optimizer;

  @Option(
      name = "--momentum",
      metaVar = "X",
      usage = "heavy-ball momentum of sgd, in [0, 1) (default: the dataset's)")
  Double momentum;

  @Option(
      name = "--lr-scaling",
      metaVar = "MODE",
      usage = "learning rate vs k kept gradients: sqrt, none")
  String lrScaling = "sqrt";

  @Option(
      name = "--eval-every",
      metaVar = "N",
      usage = "evaluate every N steps and at epoch ends (default: every half epoch)")
  Integer evalEvery;

  @Option(name = "--log-every", metaVar = "N", usage = "print a step line every N steps")
  int logEvery = 1;

  @Option(
      name = "--run-id",
      metaVar = "ID",
      usage = "run identifier (default: time, dataset and a random suffix)")
  String runId;

  @Option(
      name = "--master",
      metaVar = "URL",
      usage = "Spark master (default: spark-submit's, else local[--proc])")
  String master;

  @Option(name = "--data-dir", metaVar = "DIR", usage = "folder holding one folder per dataset")
  String dataDir = "data";

  @Option(name = "--max-steps", metaVar = "N", usage = "stop after N steps (default: no limit)")
  Long maxSteps;

  @Option(
      name = "--partition",
      metaVar = "SPEC",
      usage =
          "how the training set is dealt to the workers: iid, dirichlet:alpha, label-sorted,"
              + " gamma:g")
  String partition = "iid";

  @Option(
      name = "--init",
      metaVar = "PATH",
      usage =
          "start from a saved network's parameters: an ftsim checkpoint file or a DL4J model zip"
              + " (default: PyTorch's initialisation)")
  String init;

  @Option(
      name = "--resize",
      metaVar = "N",
      usage = "resize images to N×N, bilinearly (the prototype's 224 for ResNets; default: none)")
  Integer resize;

  @Option(
      name = "--correct",
      usage = "gradient correction: replica phases and a learned regression (SPEC §7)")
  boolean correct;

  @Option(
      name = "--correct-model",
      metaVar = "NAME",
      usage = "correction regressor: linear, mllib-linear, mllib-gbt, mlp")
  String correctModel = "linear";

  @Option(
      name = "--correct-every",
      metaVar = "N",
      usage = "corrected steps after each replica phase")
  int correctEvery = 10;

  @Option(
      name = "--correct-weight",
      metaVar = "X",
      usage = "a corrected gradient is X × the prediction")
  double correctWeight = 0.95;

  @Option(name = "--replica-steps", metaVar = "N", usage = "steps of each replica phase")
  int replicaSteps = 1;

  @Option(
      name = "--data_coll_path",
      aliases = "--data-coll-path",
      metaVar = "P",
      usage =
          "write the first replica phase's pairs (worker, step, coordinate, faulty, true) as"
              + " Parquet to P, then end the run; implies --correct")
  String dataCollPath;

  @Option(
      name = "--checkpoint-every",
      metaVar = "N",
      usage =
          "write a checkpoint every N steps and at the end, under DIR/checkpoints/RUN_ID"
              + " (default: 0, none)")
  Integer checkpointEvery;

  @Option(
      name = "--resume",
      metaVar = "RUN_ID",
      usage =
          "continue run RUN_ID from its last checkpoint under -tb DIR, with its own configuration;"
              + " only -tb, --master, --proc and --checkpoint-every may be given with it")
  String resume;

  @Option(
      name = "--tensorboard",
      usage =
          "also write TensorBoard event files under DIR/tensorboard/RUN_ID (Loss/train,"
              + " Accuracy/val and ftsim/* scalars)")
  boolean tensorboard;

  @Option(name = "-h", aliases = "--help", help = true, usage = "print this help")
  boolean help;

  /** The configuration these options describe, its open defaults not yet resolved. */
  SimulationConfig toConfig() {
    return OptionsConfig.of(this);
  }
}
