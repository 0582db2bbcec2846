package org.ftsim.aggregation.bench;

import java.util.concurrent.TimeUnit;
import org.ftsim.aggregation.Aggregation;
import org.ftsim.aggregation.Krum;
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
 * Krum with many workers: n = 64 at d = 468,874 (target below 150 ms) and n = 100 at d = 1,000,000
 * (target below 600 ms; Flower's vectorised numpy Krum takes 0.3 s there on a larger machine).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx6g")
public class KrumScaleBenchmark {

  /** n x d. */
  @Param({"64x468874", "100x1000000"})
  public String shape;

  private float[][] rows;
  private Krum krum;

  @Setup
  public void setUp() {
    String[] nd = shape.split("x");
    int n = Integer.parseInt(nd[0]);
    rows = RuleBenchmark.gradients(n, Integer.parseInt(nd[1]), 3);
    krum = new Krum(n / 4);
  }

  @Benchmark
  public Aggregation aggregate() {
    return krum.aggregate(rows);
  }
}
