package org.ftsim.aggregation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.Stream;
import org.ftsim.base.Spec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bit-identical results whatever the number of threads: the rules run inside fork-join pools of 1
 * and 4 threads (their parallel streams then use that pool) on inputs spanning several coordinate
 * blocks and Gram chunks.
 */
class DeterminismTest {

  private static ForkJoinPool one;
  private static ForkJoinPool four;
  private static float[][] rows;

  @BeforeAll
  static void setUp() {
    one = new ForkJoinPool(1);
    four = new ForkJoinPool(4);
    // 11 × 200,003: three Gram chunks and 25 coordinate blocks.
    rows = Gradients.normal(17, 11, 200_003, 1);
    rows[4][100] = Float.NaN;
  }

  @AfterAll
  static void tearDown() {
    one.shutdown();
    four.shutdown();
  }

  static Stream<String> rules() {
    return AggregatorRegistry.names().stream();
  }

  static Stream<String> preAggregators() {
    return PreAggregatorRegistry.names().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rules")
  void ruleIsBitIdenticalOnOneAndFourThreads(String name) throws Exception {
    Aggregation a =
        one.submit(() -> Gradients.aggregate(AggregatorRegistry.create(name, 2), rows)).get();
    Aggregation b =
        four.submit(() -> Gradients.aggregate(AggregatorRegistry.create(name, 2), rows)).get();
    assertArrayEquals(a.gradient(), b.gradient());
    assertArrayEquals(a.used(), b.used());
    assertEquals(a.kept(), b.kept());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("preAggregators")
  void preAggregatorIsBitIdenticalOnOneAndFourThreads(String name) throws Exception {
    float[][] a =
        one.submit(() -> PreAggregatorRegistry.create(Spec.parse(name), 2, 1).apply(rows)).get();
    float[][] b =
        four.submit(() -> PreAggregatorRegistry.create(Spec.parse(name), 2, 1).apply(rows)).get();
    assertEquals(a.length, b.length);
    for (int i = 0; i < a.length; i++) {
      assertArrayEquals(a[i], b[i]);
    }
  }
}
