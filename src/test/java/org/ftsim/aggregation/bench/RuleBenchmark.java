package org.ftsim.aggregation.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.aggregation.Aggregator;
import org.ftsim.aggregation.AggregatorRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Every rule on one step of the MLP (784-512-128-10: d = 468,874) with n = 16 workers and f = 3
 * (the largest f Bulyan accepts at n = 16; MDA and SMEA search their C(16, 3) = 560 subsets
 * exactly). Target: every rule below 150 ms, mean below 10 ms. {@code fltrust} is given a root
 * gradient (one more N(0, 1) row, as the driver computes it before the rule); other rules ignore
 * it. Run with {@code bench/aggregation RuleBenchmark} (all) or {@code -p rule=fltrust,mda}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class RuleBenchmark {

  @Param({
    "mean",
    "median",
    "trimmed-mean",
    "krum",
    "multi-krum",
    "geomed",
    "bulyan",
    "cclip",
    "meamed",
    "mean-filter",
    "mda",
    "monna",
    "caf",
    "smea",
    "dnc",
    "signguard",
    "clipped-clustering",
    "fltrust",
    "geomed:tol=1e-6",
    "cclip:zero=1",
    "cclip:zero=1,momentum=0.9"
  })
  public String rule;

  @Param("16")
  public int n;

  @Param("468874")
  public int d;

  @Param("3")
  public int f;

  private float[][] rows;
  private float[] root;
  private Aggregator aggregator;

  @Setup
  public void setUp() {
    rows = gradients(n, d, 1);
    root = gradients(1, d, 2)[0];
    aggregator = AggregatorRegistry.create(rule, f);
  }

  @Benchmark
  public Aggregation aggregate() {
    return aggregator.aggregate(rows, root);
  }

  /** n rows of d N(0, 1) floats, seeded. */
  static float[][] gradients(int n, int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[][] rows = new float[n][d];
    for (float[] row : rows) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) random.nextGaussian();
      }
    }
    return rows;
  }
}
