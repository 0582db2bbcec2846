package org.ftsim.config;

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
 */
public record TrainingConfig(
    String arch,
    int epochs,
    String optimizer,
    double lr,
    double momentum,
    String lrScaling,
    String init) {

  /** SPEC §3's defaults, the dataset's still open. */
  public static TrainingConfig defaults() {
    return new TrainingConfig(null, 3, null, Double.NaN, Double.NaN, "sqrt", null);
  }

  /** With the given architecture, optimizer, learning rate and momentum. */
  public TrainingConfig withResolved(String arch, String optimizer, double lr, double momentum) {
    return new TrainingConfig(arch, epochs, optimizer, lr, momentum, lrScaling, init);
  }
}
