package org.ftsim.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.ftsim.aggregation.CarriedState;
import org.ftsim.aggregation.Defense;
import org.ftsim.config.CorrectionConfig;
import org.ftsim.config.DataConfig;
import org.ftsim.config.DefenseConfig;
import org.ftsim.config.FaultConfig;
import org.ftsim.config.RunConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.config.TrainingConfig;
import org.ftsim.correction.AffineModel;
import org.ftsim.correction.CorrectionState;
import org.ftsim.correction.Fit;
import org.ftsim.correction.ModelState;
import org.ftsim.driver.Assembly;
import org.ftsim.fault.FaultState;
import org.ftsim.optim.OptimizerState;
import org.ftsim.results.Timings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checkpoint file: every field back exactly, atomic replacement, and what is refused. */
class CheckpointStoreTest {

  @TempDir Path dir;

  /** Every field distinct, so that a swap of two shows. */
  static final Timings TIMINGS = new Timings(12, 1, 2, 3, 4, 5, 6, 7, 4, 10.5, 9, 22.25);

  static SimulationConfig config(String runId) {
    return Assembly.resolve(
        new SimulationConfig(
            new RunConfig(runId, "ignored", "data", null, 2, "cpu", 42, 0, 3, 1, 4),
            new DataConfig("synthetic", 5, 160, "iid", 0),
            new TrainingConfig(null, 2, "adam", Double.NaN, Double.NaN, "sqrt", null),
            new FaultConfig(List.of(1, 3), "gaussian:0.5", Map.of(3, "random:1"), 0.7, 2),
            new DefenseConfig("cclip:tau=5,iters=3", "bucketing:2", -1, null),
            new CorrectionConfig(true, "mllib-gbt:iterations=2", 3, 0.9, 2, null)));
  }

  static Checkpoint checkpoint(long step) {
    float[] params = new float[40_000];
    for (int j = 0; j < params.length; j++) {
      params[j] = (float) Math.sin(j + step);
    }
    params[7] = Float.NaN;
    params[8] = -0f;
    Fit affine = new Fit(1, "linear", new AffineModel(1e-4, 0.1), 1e-6, 0.02, 0.001, 12.5, 800);
    Fit steps =
        new Fit(
            3,
            "mllib-gbt:iterations=2",
            new ModelState("steps", 0, 0, new float[] {-1, 0, 1}, new float[] {-2, -1, 1, 2})
                .model(),
            2e-6,
            Double.NaN,
            0.002,
            830.0,
            800);
    CorrectionState correction =
        new CorrectionState(
            Map.of(1, affine, 3, steps),
            Map.of(1, 6, 3, 6),
            Map.of(1, List.of(new float[] {1, 2}), 3, List.of(new float[] {3, 4})),
            Map.of(1, List.of(new float[] {0.1f, 0.2f}), 3, List.of(new float[] {0.3f, 0.4f})),
            17,
            0.85,
            16);
    Defense.State defense =
        new Defense.State(
            List.of(new CarriedState(step, null)),
            new CarriedState(0, new float[] {0.5f, -0.5f}),
            Map.of(0, new Defense.State(List.of(CarriedState.NONE), CarriedState.NONE, Map.of())));
    return new Checkpoint(
        config("ck"),
        step,
        new Checkpoint.Progress(1_700_000_000_000L, 3.25, 2, 0.875, TIMINGS),
        params,
        new OptimizerState(step, List.of(new float[] {1, 2, 3, 4})),
        defense,
        correction);
  }

  CheckpointStore store() {
    return CheckpointStore.of(dir.toString(), "ck", new Configuration());
  }

  @Test
  void everyFieldComesBackExactly() {
    Checkpoint written = checkpoint(12);
    store().write(written);
    Checkpoint read = store().latest().orElseThrow();

    assertEquals(written.config(), read.config(), "the configuration through its JSON");
    assertEquals(12, read.step());
    assertArrayEquals(written.params(), read.params());
    assertEquals(
        Float.floatToRawIntBits(-0f), Float.floatToRawIntBits(read.params()[8]), "raw bits");
    Checkpoint.Progress p = read.progress();
    assertEquals(1_700_000_000_000L, p.startedAt());
    assertEquals(3.25, p.epochLoss());
    assertEquals(2, p.epochSteps());
    assertEquals(0.875, p.lastMetric());
    assertEquals(TIMINGS, p.timings());
    assertEquals(12, read.optimizer().steps());
    assertArrayEquals(new float[] {1, 2, 3, 4}, read.optimizer().vectors().get(0));
    assertEquals(12, read.defense().pre().get(0).calls());
    assertNull(read.defense().pre().get(0).vector());
    assertArrayEquals(new float[] {0.5f, -0.5f}, read.defense().rule().vector());
    assertEquals(List.of(0), List.copyOf(read.defense().fallbacks().keySet()));

    CorrectionState c = read.correction();
    assertEquals(Map.of(1, 6, 3, 6), c.fitSteps());
    Fit affine = c.fits().get(1);
    assertEquals("linear", affine.regressor());
    assertEquals(1e-4, ((AffineModel) affine.model()).intercept());
    assertEquals(0.1, ((AffineModel) affine.model()).slope());
    assertEquals(1e-6, affine.mse());
    assertEquals(0.02, affine.mape());
    assertEquals(0.001, affine.prototypeMape());
    assertEquals(12.5, affine.fitMs());
    assertEquals(800, affine.pairs());
    Fit steps = c.fits().get(3);
    assertEquals("mllib-gbt:iterations=2", steps.regressor());
    assertTrue(Double.isNaN(steps.mape()));
    assertArrayEquals(
        new float[] {-2, -2, -1, 1, 2}, steps.model().predict(new float[] {-5, -1, 0, 0.5f, 9}));
    assertArrayEquals(new float[] {3, 4}, c.pendingFaulty().get(3).get(0));
    assertArrayEquals(new float[] {0.1f, 0.2f}, c.pendingTrue().get(1).get(0));
    assertEquals(17, c.corrected());
    assertEquals(0.85, c.trueErrorSum());
    assertEquals(16, c.trueErrorCount());
  }

  /** Format 5: the faults' state (mimic-warmup's counters, mean and direction), bit for bit. */
  @Test
  void theFaultsStateComesBackExactly() {
    Checkpoint base = checkpoint(5);
    double[] mu = {Math.PI, -0.0, 1e-300, Double.MIN_VALUE};
    double[] z = {0.5, -0.5, Math.ulp(1.0), -1};
    Checkpoint written =
        new Checkpoint(
            base.config(),
            5,
            base.progress(),
            base.params(),
            base.optimizer(),
            base.defense(),
            null,
            null,
            null,
            Map.of(
                3, new FaultState(new long[] {5, 4, 2}, List.of(mu, z)),
                1, new FaultState(new long[] {Long.MIN_VALUE, 0, -1}, List.of())));
    store().write(written);
    Checkpoint read = store().latest().orElseThrow();
    assertEquals(List.of(1, 3), List.copyOf(read.faults().keySet()));
    assertArrayEquals(new long[] {5, 4, 2}, read.faults().get(3).counters());
    assertArrayEquals(mu, read.faults().get(3).vectors().get(0));
    assertEquals(
        Double.doubleToRawLongBits(-0.0),
        Double.doubleToRawLongBits(read.faults().get(3).vectors().get(0)[1]),
        "raw bits");
    assertArrayEquals(z, read.faults().get(3).vectors().get(1));
    assertArrayEquals(new long[] {Long.MIN_VALUE, 0, -1}, read.faults().get(1).counters());
    assertTrue(read.faults().get(1).vectors().isEmpty());
    assertTrue(checkpoint(6).faults().isEmpty(), "none without stateful faults");
  }

  @Test
  void aNewCheckpointReplacesTheOldOnesAndLeftoversGo() throws IOException {
    CheckpointStore store = store();
    assertFalse(store.exists());
    assertTrue(store.latest().isEmpty());
    store.write(checkpoint(4));
    Path folder = dir.resolve("checkpoints").resolve("ck");
    Files.writeString(folder.resolve("_step-0000000008.ckpt.tmp"), "a write cut short");
    store.write(checkpoint(8));
    assertEquals(List.of("step-0000000008.ckpt"), visibleFiles(folder));
    assertEquals(8, store.latest().orElseThrow().step());
    assertTrue(store.exists());
    assertFalse(store.finished());
    store.markFinished();
    assertTrue(store.finished());
    assertEquals(
        folder.resolve("step-0000000008.ckpt").toString(), Path.of(store.pathOf(8)).toString());
  }

  @Test
  void aTruncatedOrForeignFileIsRefused() throws IOException {
    store().write(checkpoint(4));
    Path file = dir.resolve("checkpoints").resolve("ck").resolve("step-0000000004.ckpt");
    byte[] whole = Files.readAllBytes(file);
    // Past the checksum file of the local file system, as another tool would cut it.
    Files.deleteIfExists(file.resolveSibling(".step-0000000004.ckpt.crc"));
    Files.write(file, java.util.Arrays.copyOf(whole, whole.length - 4));
    UncheckedIOException cut = assertThrows(UncheckedIOException.class, () -> store().latest());
    assertTrue(cut.getMessage().contains("step-0000000004.ckpt"), cut.getMessage());
    Files.writeString(file, "not a checkpoint at all");
    assertTrue(
        assertThrows(UncheckedIOException.class, () -> store().latest())
            .getMessage()
            .contains("not an ftsim checkpoint"));
  }

  static List<String> visibleFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }
}
