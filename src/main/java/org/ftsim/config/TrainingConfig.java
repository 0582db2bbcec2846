package org.ftsim.config;

import java.util.List;

/**
 * The network and its optimisation. Fields left open (null or NaN) take the dataset's defaults when
 * the run is assembled.
 *
 * @param arch architecture, or null for the dataset's default
 * @param epochs epochs
 * @param optimizer sgd or adam, or null for the dataset's default
 * @param lr base learning rate, or NaN for the dataset's default
 * @param momentum heavy-ball momentum of sgd, or NaN for the default
 * @param lrScaling learning-rate scaling with k
 * @param init a saved network (an ftsim checkpoint file or a DL4J model zip) whose parameters the
 *     run starts from, or null for PyTorch's default initialisation
 * @param weightDecay λ of {@code --weight-decay}: λ·w is added to the aggregate before the
 *     optimizer steps (torch.optim.SGD's weight_decay on the server, as ByzFL); 0 for none
 * @param lrMilestones the global steps after which the learning rate is multiplied by {@code
 *     lrDecay} ({@code --lr-milestones}, MultiStepLR counted in steps); empty for a constant rate
 * @param lrDecay γ of {@code --lr-decay}, the factor at each milestone
 * @param workerMomentum β of {@code --worker-momentum}, each honest worker's momentum; 0 for none
 * @param workerMomentumUpdate {@code dampened} (m ← βm + (1 − β)g, ByzFL) or {@code plain} (m ← βm
 *     + g, the bucketing code)
 */
public record TrainingConfig(
    String arch,
    int epochs,
    String optimizer,
    double lr,
    double momentum,
    String lrScaling,
    String init,
    double weightDecay,
    List<Integer> lrMilestones,
    double lrDecay,
    double workerMomentum,
    String workerMomentumUpdate) {

  /** MultiStepLR's γ. */
  public static final double DEFAULT_LR_DECAY = 0.1;

  /** ByzFL's worker momentum update. */
  public static final String DEFAULT_WORKER_MOMENTUM_UPDATE = "dampened";

  public TrainingConfig {
    lrMilestones = lrMilestones == null ? List.of() : List.copyOf(lrMilestones);
    if (workerMomentumUpdate == null) {
      workerMomentumUpdate = DEFAULT_WORKER_MOMENTUM_UPDATE;
    }
  }

  /** The options of before issue 13, its protocol options off. */
  public TrainingConfig(
      String arch,
      int epochs,
      String optimizer,
      double lr,
      double momentum,
      String lrScaling,
      String init) {
    this(
        arch,
        epochs,
        optimizer,
        lr,
        momentum,
        lrScaling,
        init,
        0,
        List.of(),
        DEFAULT_LR_DECAY,
        0,
        DEFAULT_WORKER_MOMENTUM_UPDATE);
  }

  /** SPEC §3's defaults, the dataset's still open. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(null, 3, null, Double.NaN, Double.NaN, "sqrt", null);
  }

  /** With the given architecture, optimizer, learning rate and momentum. */
  public TrainingConfig withResolved(String arch, String optimizer, double lr, double momentum) {
    return new TrainingConfig(
        arch,
        epochs,
        optimizer,
        lr,
        momentum,
        lrScaling,
        init,
        weightDecay,
        lrMilestones,
        lrDecay,
        workerMomentum,
        workerMomentumUpdate);
  }
}
