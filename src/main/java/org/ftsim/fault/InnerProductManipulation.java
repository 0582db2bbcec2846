package org.ftsim.fault;

/**
 * {@code ipm:eps}, inner product manipulation: reports −ε·μ, with μ the mean of the step's honest
 * gradients, so that the aggregate's inner product with the true gradient turns negative. A small ε
 * (e.g. 0.1) hides among the honest gradients (beats median-like rules); a large one (e.g. 100)
 * beats Krum-like rules when all attackers agree.
 *
 * <p>Parameter {@code epsilon} (ε): a finite number > 0; required.
 *
 * <p>Xie, C., Koyejo, O. and Gupta, I. (2020), "Fall of Empires: Breaking Byzantine-tolerant SGD by
 * Inner Product Manipulation", UAI 2019, PMLR 115:261–270.
 */
public final class InnerProductManipulation implements Scalable {

  private final double epsilon;

  /** Reports {@code −epsilon} times the honest mean. */
  public InnerProductManipulation(double epsilon) {
    Parameters.requirePositive("ipm epsilon", epsilon);
    this.epsilon = epsilon;
  }

  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean coordinateWise() {
    return true;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    if (honestWorkers.length < 1) {
      throw new IllegalArgumentException("ipm needs at least 1 honest worker; got 0");
    }
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    return corruptAt(epsilon, honest, context);
  }

  @Override
  public float[] corruptAt(double scale, float[] honest, FaultContext context) {
    double[] mean = context.honest().mean();
    float[] out = new float[mean.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) (-scale * mean[j]);
    }
    return out;
  }

  @Override
  public String family() {
    return "ipm";
  }

  @Override
  public String toString() {
    return "ipm:epsilon=" + epsilon;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }
}
