package org.ftsim.aggregation.bench;

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
 * The exact subset searches (MDA, SMEA) where C(n, f) is large, on d = 64 so that the search
 * dominates: {@code simplex} rows (the unit vectors, all pairwise distances equal, every subset
 * ties, nothing is pruned: the worst case behind the rules' C(n, f) limits) and {@code normal} rows
 * (N(0, 1), nearly equidistant in high dimension, as honest gradients are). Run e.g. with {@code -p
 * rule=smea -p shape=20/5}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = "-Xmx2g")
public class ExactSearchBenchmark {

  @Param({"mda", "smea"})
  public String rule;

  /** n/f. */
  @Param({"16/3", "16/5", "20/5"})
  public String shape;

  @Param({"simplex", "normal"})
  public String rows;

  private float[][] input;
  private Aggregator aggregator;

  @Setup
  public void setUp() {
    int n = Integer.parseInt(shape.split("/")[0]);
    int f = Integer.parseInt(shape.split("/")[1]);
    int d = 64;
    if (rows.equals("simplex")) {
      input = new float[n][d];
      for (int i = 0; i < n; i++) {
        input[i][i] = 1;
      }
    } else {
      input = RuleBenchmark.gradients(n, d, 1);
    }
    aggregator = AggregatorRegistry.create(rule, f);
  }

  @Benchmark
  public Aggregation aggregate() {
    return aggregator.aggregate(input);
  }
}
