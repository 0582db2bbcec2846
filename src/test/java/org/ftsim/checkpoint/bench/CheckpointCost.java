package org.ftsim.checkpoint.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.ftsim.aggregation.Defense;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.checkpoint.CheckpointStore;
import org.ftsim.config.CorrectionConfig;
import org.ftsim.config.DataConfig;
import org.ftsim.config.FaultConfig;
import org.ftsim.config.RunConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.correction.ClosedFormLinear;
import org.ftsim.correction.CorrectionState;
import org.ftsim.correction.Corrector;
import org.ftsim.driver.Assembly;
import org.ftsim.optim.Optimizer;
import org.ftsim.optim.Optimizers;
import org.ftsim.results.Timings;

/**
 * What a checkpoint of the MLP (d = 468,874) costs, with sgd and with adam, and how large the
 * correction state is (5 faulty workers, linear models; with and without the pairs of an unfinished
 * two-step replica phase): the copy of the state the training thread makes, the write
 * (serialisation, local file, rename) the writer thread makes, the file size and the read a resume
 * makes. Medians of 7 repetitions after 2 warm-ups.
 *
 * <pre>
 * mvn -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test.cp -Dmdep.includeScope=test
 * OMP_NUM_THREADS=1 java @submit/java17.args -Xmx6g -cp target/test-classes:target/classes:$(cat target/test.cp) \
 *   org.ftsim.checkpoint.bench.CheckpointCost [DIR]
 * </pre>
 */
public final class CheckpointCost {

  private static final int D = 468_874;
  private static final int FAULTY = 5;
  private static final int WARM_UPS = 2;
  private static final int REPEATS = 7;

  private CheckpointCost() {}

  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("ckpt-cost");
    SplittableRandom random = new SplittableRandom(1);
    float[] params = normal(random, 0.05);
    Corrector corrector = new Corrector(new ClosedFormLinear(), 0.95);
    Map<Integer, List<float[]>> pendingFaulty = new TreeMap<>();
    Map<Integer, List<float[]>> pendingTrue = new TreeMap<>();
    for (int w = 0; w < FAULTY; w++) {
      float[] honest = normal(random, 1e-3);
      float[] faulty = honest.clone();
      for (int j = 0; j < D; j++) {
        faulty[j] *= 10;
      }
      corrector.fit(w, List.of(faulty), List.of(honest));
      pendingFaulty.put(w, List.of(faulty));
      pendingTrue.put(w, List.of(honest));
    }
    System.out.printf(
        Locale.ROOT,
        "| optimizer | correction state | copy on the training thread (ms) | write (ms) | file (MB)"
            + " | read (ms) |%n|---|---|---|---|---|---|%n");
    for (String name : List.of("sgd", "adam")) {
      Optimizer optimizer = Optimizers.create(name, name.equals("sgd") ? 0.9 : 0);
      optimizer.step(params.clone(), normal(random, 1e-3), 1e-3);
      Defense defense = Defense.parse("mean", "", 0);
      for (boolean pending : new boolean[] {false, true}) {
        double[] copy = new double[REPEATS];
        double[] write = new double[REPEATS];
        double[] read = new double[REPEATS];
        long bytes = 0;
        for (int r = -WARM_UPS; r < REPEATS; r++) {
          String runId = name + (pending ? "-pending" : "") + (r < 0 ? "-warm" : "");
          long t0 = System.nanoTime();
          Checkpoint checkpoint =
              new Checkpoint(
                  config(runId),
                  100 + r,
                  new Checkpoint.Progress(0, 1, 1, 0.5, Timings.NONE),
                  params.clone(),
                  optimizer.state(),
                  defense.state(),
                  new CorrectionState(
                      corrector.fits(),
                      Map.of(0, 1, 1, 1, 2, 1, 3, 1, 4, 1),
                      pending ? pendingFaulty : Map.of(),
                      pending ? pendingTrue : Map.of(),
                      0,
                      0,
                      0));
          long t1 = System.nanoTime();
          CheckpointStore store = CheckpointStore.of(dir.toString(), runId, new Configuration());
          store.write(checkpoint);
          long t2 = System.nanoTime();
          store.latest().orElseThrow();
          long t3 = System.nanoTime();
          bytes = Files.size(Path.of(store.pathOf(checkpoint.step())));
          if (r >= 0) {
            copy[r] = (t1 - t0) / 1e6;
            write[r] = (t2 - t1) / 1e6;
            read[r] = (t3 - t2) / 1e6;
          }
        }
        System.out.printf(
            Locale.ROOT,
            "| %s | %s | %.1f | %.1f | %.1f | %.1f |%n",
            name,
            pending ? "5 linear fits + 5 pending pairs" : "5 linear fits",
            median(copy),
            median(write),
            bytes / 1e6,
            median(read));
      }
    }
  }

  private static SimulationConfig config(String runId) {
    SimulationConfig c = SimulationConfig.defaults();
    return Assembly.resolve(
        c.withRun(
                new RunConfig(
                    runId, "runs", "data", null, 0, "cpu", c.seed(), 0, 0, 1, /* every */ 10))
            .withData(new DataConfig("mnist", 16, 512, "iid", 0))
            .withFaults(
                new FaultConfig(List.of(0, 1, 2, 3, 4), FaultConfig.DEFAULT_FAULT, Map.of(), 1, 1))
            .withCorrection(new CorrectionConfig(true, "linear", 10, 0.95, 2, null)));
  }

  private static float[] normal(SplittableRandom random, double scale) {
    float[] v = new float[D];
    for (int j = 0; j < D; j++) {
      v[j] = (float) (random.nextGaussian() * scale);
    }
    return v;
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
