package org.ftsim.model;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ftsim.data.InputShape;

/**
 * One partition's gradient work at one step, timed on one thread: {@code workers} workers of {@code
 * batch} samples each through {@link Network#gradient} one after another, and through one {@link
 * Network#gradients} call (the batched pass where the network has one), checking that the bits
 * agree. Prints the median wall and CPU milliseconds of each over {@code reps} repetitions after as
 * many for warm-up. CPU time is this thread's, so it is the steadier figure on a shared machine.
 * Run by {@code bench/gradients}.
 *
 * <p>Arguments: architecture, channels, height, width, outputs, workers, batch, reps.
 */
public final class GradientBench {

  private GradientBench() {}

  public static void main(String[] args) {
    String arch = args[0];
    InputShape shape =
        new InputShape(
            Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
    int outputs = Integer.parseInt(args[4]);
    int workers = Integer.parseInt(args[5]);
    int b = Integer.parseInt(args[6]);
    int reps = Integer.parseInt(args[7]);
    ModelSpec spec = new ModelSpec(arch, shape, outputs, false);
    Network net = spec.network();
    net.load(ParamInit.pytorchDefault(net, 1));
    SplittableRandom random = new SplittableRandom(2);
    Batch[] batches = new Batch[workers];
    long[] seeds = new long[workers];
    for (int v = 0; v < workers; v++) {
      float[] x = new float[b * shape.size()];
      for (int i = 0; i < x.length; i++) {
        x[i] = (float) random.nextDouble();
      }
      float[] y = new float[b * outputs];
      for (int i = 0; i < b; i++) {
        y[i * outputs + random.nextInt(outputs)] = 1f;
      }
      batches[v] = new Batch(x, y, b);
      seeds[v] = v + 1;
    }
    float[][] one = new float[workers][net.size()];
    float[][] all = new float[workers][net.size()];
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[][] times = new double[4][reps];
    for (int rep = -reps; rep < reps; rep++) {
      long w0 = System.nanoTime();
      long c0 = cpu.getCurrentThreadCpuTime();
      for (int v = 0; v < workers; v++) {
        net.gradient(batches[v], seeds[v], one[v]);
      }
      long w1 = System.nanoTime();
      long c1 = cpu.getCurrentThreadCpuTime();
      net.gradients(batches, seeds, DenseStackTest.wrap(all));
      long w2 = System.nanoTime();
      long c2 = cpu.getCurrentThreadCpuTime();
      if (rep >= 0) {
        times[0][rep] = (w1 - w0) / 1e6;
        times[1][rep] = (c1 - c0) / 1e6;
        times[2][rep] = (w2 - w1) / 1e6;
        times[3][rep] = (c2 - c1) / 1e6;
      }
    }
    boolean same = Arrays.deepEquals(one, all);
    System.out.printf(
        Locale.ROOT,
        "%s, %d workers × %d samples, median of %d (ms): one at a time %.1f wall / %.1f CPU;"
            + " gradients() %s %.1f wall / %.1f CPU; same bits: %s; bits hash %08x%n",
        arch,
        workers,
        b,
        reps,
        median(times[0]),
        median(times[1]),
        net.batches() ? "batched" : "(one at a time)",
        median(times[2]),
        median(times[3]),
        same,
        Arrays.deepHashCode(one));
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
