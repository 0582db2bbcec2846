package org.ftsim.fault;

/**
 * {@code signflip-mean} reports −μ, the opposite of the honest workers' mean gradient: ByzFL's
 * {@code SignFlipping}. Beside {@code signflip}, which flips the worker's own gradient (−g, as the
 * bucketing code's bit flipping does).
 *
 * <p>Allen-Zhu, Z., Ebrahimianghazani, F., Li, J. and Alistarh, D. (2021), "Byzantine-Resilient
 * Non-Convex Stochastic Gradient Descent", ICLR 2021; ByzFL's {@code byzfl/attacks/attacks.py}.
 */
public final class SignFlipMean implements Fault {

  /** Reads the honest gradients (and, for some, the defense): runs on the driver. */
  @Override
  public boolean omniscient() {
    return true;
  }

  @Override
  public boolean needsOwnGradient() {
    return false;
  }

  @Override
  public void checkFeasible(int workers, int[] honestWorkers) {
    if (honestWorkers.length < 1) {
      throw new IllegalArgumentException("signflip-mean needs at least 1 honest worker; got 0");
    }
  }

  @Override
  public float[] corrupt(float[] honest, FaultContext context) {
    double[] mean = context.honest().mean();
    float[] out = new float[mean.length];
    for (int j = 0; j < out.length; j++) {
      out[j] = (float) -mean[j];
    }
    return out;
  }

  @Override
  public String toString() {
    return "signflip-mean";
  }
}
