package org.ftsim.aggregation.bench;

import java.util.concurrent.TimeUnit;
import org.ftsim.aggregation.PreAggregator;
import org.ftsim.aggregation.PreAggregatorRegistry;
import org.ftsim.base.Spec;
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

/** Every pre-aggregator at n = 16, d = 468,874, f = 3. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx4g")
public class PreAggregatorBenchmark {

  @Param({"clip:1", "nnm", "bucketing:2", "arc"})
  public String pre;

  @Param("16")
  public int n;

  @Param("468874")
  public int d;

  @Param("3")
  public int f;

  private float[][] rows;
  private PreAggregator preAggregator;

  @Setup
  public void setUp() {
    rows = RuleBenchmark.gradients(n, d, 2);
    preAggregator = PreAggregatorRegistry.create(Spec.parse(pre), f, 1);
  }

  @Benchmark
  public float[][] apply() {
    return preAggregator.apply(rows);
  }
}
