package org.ftsim.correction;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-worker models, the weight, the training report, the true error and the console lines. */
class CorrectorTest {

  @Test
  void keepsOneModelPerWorkerAndRefits() {
    Corrector corrector = new Corrector(new ClosedFormLinear(), 0.5);
    float[] g = Vectors.normal(1000, 0, 1, 1);
    float[] x10 = Vectors.corrupt("scale:10", g, 1);
    float[] x2 = Vectors.corrupt("scale:2", g, 1);
    assertFalse(corrector.hasModel(3));
    assertEquals(
        "worker 3 has no correction model: no replica phase has fitted one",
        assertThrows(IllegalStateException.class, () -> corrector.correct(3, x10)).getMessage());

    Fit fit3 = corrector.fit(3, List.of(x10), List.of(g));
    corrector.fit(4, List.of(x2), List.of(g));
    assertTrue(corrector.hasModel(3));
    assertSame(fit3, corrector.lastFit(3).orElseThrow());
    assertEquals(3, fit3.worker());
    assertEquals("linear", fit3.regressor());
    assertEquals(1000, fit3.pairs());
    assertTrue(fit3.fitMs() >= 0);
    assertTrue(fit3.mse() < 1e-12);

    assertEquals(0.5, Corrector.trueError(corrector.correct(3, x10), g), 1e-6);
    assertEquals(0.5, Corrector.trueError(corrector.correct(4, x2), g), 1e-6);
    // Worker 3 refitted on scale:2 pairs now inverts scale:2.
    corrector.fit(3, List.of(x2), List.of(g));
    assertEquals(0.5, Corrector.trueError(corrector.correct(3, x2), g), 1e-6);
  }

  @Test
  void weightMultipliesThePrediction() {
    float[] x = {1, 2, 3, 4};
    float[] y = {2, 4, 6, 8};
    Corrector one = new Corrector(new ClosedFormLinear(), 1);
    Corrector damped = new Corrector(new ClosedFormLinear(), Corrector.DEFAULT_WEIGHT);
    one.fit(0, List.of(x), List.of(y));
    damped.fit(0, List.of(x), List.of(y));
    assertArrayEquals(y, one.correct(0, x), 1e-6f);
    assertArrayEquals(new float[] {1.9f, 3.8f, 5.7f, 7.6f}, damped.correct(0, x), 1e-6f);
    assertEquals(0.95, damped.weight());
  }

  @ParameterizedTest
  @CsvSource({"NaN", "-0.1", "Infinity"})
  void badWeightsAreRefused(double weight) {
    assertThrows(
        IllegalArgumentException.class, () -> new Corrector(new ClosedFormLinear(), weight));
  }

  /**
   * The training report on a hand-checked case, with a fixed model ŷ = 1 for all x: y = (2, −1, 0,
   * 1) gives errors y − ŷ = (1, −2, −1, 0); MSE = 6/4; MAPE over y ≠ 0 = (1/2 + 2/1 + 0/1)/3; the
   * prototype's shifted MAPE = (1/3 + 2/ε + 1/1 + 0/2)/4 blows up at y = −1, where y + 1 = 0.
   */
  @Test
  void trainingErrors() {
    Regressor one = pairs -> new AffineModel(1, 0);
    Corrector corrector = new Corrector(one, 1);
    float[] x = {0, 1, 2, 3};
    float[] y = {2, -1, 0, 1};
    Fit fit = corrector.fit(0, List.of(x), List.of(y));
    assertEquals(1.5, fit.mse(), 1e-15);
    assertEquals((0.5 + 2 + 0) / 3, fit.mape(), 1e-15);
    assertEquals((1 / 3.0 + 2 / Math.ulp(1.0) + 1 / 1.0 + 0) / 4, fit.prototypeMape(), 1e-3);

    float[] y2 = {2, 0.5f, 0, 1};
    Fit fit2 = corrector.fit(0, List.of(x), List.of(y2));
    assertEquals((1 / 3.0 + 0.5 / 1.5 + 1 / 1.0 + 0) / 4, fit2.prototypeMape(), 1e-12);
    assertEquals((0.5 + 1 + 0) / 3, fit2.mape(), 1e-12);

    Fit zeros = corrector.fit(0, List.of(x), List.of(new float[4]));
    assertTrue(Double.isNaN(zeros.mape()));
  }

  @Test
  void trueError() {
    float[] h = {3, -4};
    assertEquals(0, Corrector.trueError(h, h));
    assertEquals(0.05, Corrector.trueError(new float[] {2.85f, -3.8f}, h), 1e-7);
    assertEquals(1, Corrector.trueError(new float[] {0, 0}, h));
    assertEquals(0.2, Corrector.trueError(new float[] {3, -3}, h), 1e-12);
    assertEquals(0, Corrector.trueError(new float[2], new float[2]));
    assertEquals(Double.POSITIVE_INFINITY, Corrector.trueError(new float[] {1, 0}, new float[2]));
    assertThrows(IllegalArgumentException.class, () -> Corrector.trueError(new float[1], h));
  }

  /**
   * The console lines of one fit, in the order the driver prints them, are the prototype's as the
   * README shows them (numbers as Python's {@code %.6g}).
   */
  @Test
  void consoleLinesAreTheDocumentedOnes() throws IOException {
    Fit fit = new Fit(0, "linear", new AffineModel(0, 1), 5.46191e-22, 3e-9, 4.39497e-12, 1, 1);
    List<String> printed = List.of(Corrector.TRAINING_LINE, Corrector.initLine(0), fit.lossLine());
    String readme = Files.readString(Path.of("README.md"));
    String block = String.join("\n", printed);
    assertTrue(
        readme.contains("```\n" + block + "\n```"),
        "README.md documents no block of exactly these lines:\n" + block);
    assertEquals("[AGG] Init correction model for worker 12", Corrector.initLine(12));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "0.000123 | 0.0456 | 0.000123, 0.0456",
        "1 | 0 | 1, 0",
        "1e-05 | 123456789 | 1e-05, 1.23457e+08",
        "6.644912e-07 | NaN | 6.64491e-07, nan",
      })
  void lossLine(double mse, double mape, String numbers) {
    // The console prints the prototype's MAPE (scikit-learn's, on y + 1 and ŷ + 1).
    Fit fit = new Fit(0, "linear", new AffineModel(0, 1), mse, 0.5, mape, 1, 1);
    assertEquals("[CORRECTION] Training loss (MSE, MAPE): " + numbers, fit.lossLine());
  }

  @ParameterizedTest
  @CsvSource({
    "6.644912e-07, 6.64491e-07",
    "0.0004825247, 0.000482525",
    "0.000123, 0.000123",
    "1, 1",
    "123456789, 1.23457e+08",
    "999999.5, 1e+06",
    "100000, 100000",
    "-2.5e-12, -2.5e-12",
    "1.5e-100, 1.5e-100",
    "0, 0",
    "NaN, nan"
  })
  void sixSignificantDigitsAsPython(double value, String expected) {
    assertEquals(expected, Fit.sixDigits(value));
  }
}
