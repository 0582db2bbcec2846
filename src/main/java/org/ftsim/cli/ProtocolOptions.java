package org.ftsim.cli;

import org.kohsuke.args4j.Option;

/**
 * The options of {@code ftsim train} for the references' training protocols (issue 13): worker
 * momentum, weight decay, a step schedule, what the faulty workers are dealt and a validation set.
 * {@link TrainCommand} inherits them (args4j reads the superclass's fields after the class's own).
 */
abstract class ProtocolOptions {

  @Option(
      name = "--worker-momentum",
      metaVar = "BETA",
      usage = "momentum β in [0, 1) of each honest worker, whose momentum the faults see")
  double workerMomentum;

  @Option(
      name = "--worker-momentum-update",
      metaVar = "MODE",
      usage = "dampened: m = βm + (1−β)g (ByzFL); plain: m = βm + g (the bucketing code)" + "")
  String workerMomentumUpdate = "dampened";

  @Option(
      name = "--weight-decay",
      metaVar = "LAMBDA",
      usage = "λ·w added to the aggregate before the optimizer, as torch SGD's")
  double weightDecay;

  @Option(
      name = "--lr-milestones",
      metaVar = "S,...",
      usage =
          "global steps after which the learning rate is multiplied by --lr-decay (MultiStepLR)")
  String lrMilestones;

  @Option(
      name = "--lr-decay",
      metaVar = "GAMMA",
      usage = "factor of the learning rate at each milestone")
  double lrDecay = 0.1;

  @Option(
      name = "--byzantine-data",
      metaVar = "MODE",
      usage =
          "what the faulty workers are dealt: partitioned (a share, like all), iid (the partition"
              + " covers the honest ones; each faulty one gets an IID shard), none (honest workers"
              + " share data and -gb)")
  String byzantineData = "partitioned";

  @Option(
      name = "--validation",
      metaVar = "FRACTION",
      usage =
          "fraction in [0, 1) of the training set held out and never trained on; its accuracy is"
              + " reported beside the test's")
  double validation;
}
