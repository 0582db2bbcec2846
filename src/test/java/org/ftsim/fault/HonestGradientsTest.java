package org.ftsim.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shared statistics against a brute-force oracle. */
class HonestGradientsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void meanAndSampleStdMatchTheTextbookFormulas(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int h = 2 + random.nextInt(10);
    int d = 1 + random.nextInt(50);
    float[][] rows = new float[h][d];
    int[] workers = new int[h];
    for (int i = 0; i < h; i++) {
      workers[i] = 2 * i + 1;
      for (int j = 0; j < d; j++) {
        rows[i][j] = (float) (random.nextDouble(-5, 5) * (j + 1));
      }
    }
    HonestGradients honest = new HonestGradients(workers, rows);
    for (int j = 0; j < d; j++) {
      double sum = 0;
      for (float[] row : rows) {
        sum += row[j];
      }
      double mean = sum / h;
      double squares = 0;
      for (float[] row : rows) {
        squares += (row[j] - mean) * (row[j] - mean);
      }
      assertEquals(mean, honest.mean()[j], 1e-12 * (j + 1));
      assertEquals(Math.sqrt(squares / (h - 1)), honest.standardDeviation()[j], 1e-12 * (j + 1));
    }
    assertSame(honest.mean(), honest.mean());
    assertSame(honest.standardDeviation(), honest.standardDeviation());
    assertSame(rows[1], honest.ofWorker(3));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void sampleStdNeedsTwoRows(int h) {
    HonestGradients honest = new HonestGradients(new int[h], new float[h][3]);
    assertThrows(IllegalArgumentException.class, honest::standardDeviation);
  }
}
