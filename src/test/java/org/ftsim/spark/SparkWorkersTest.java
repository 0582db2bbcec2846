package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.ftsim.SparkTestSession;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.TrainTest;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.ParamInit;
import org.junit.jupiter.api.Test;

/** The gradients job on a real local[2] session. */
class SparkWorkersTest {

  /**
   * A label-flipping worker asked for its truth reports, besides its flipped gradient, exactly the
   * gradient it computes when it does not flip; other workers are unaffected.
   */
  @Test
  void cleanGradientOfAFlippingWorkerIsItsUnflippedGradient() {
    TrainTest data = DatasetRegistry.get("synthetic").load(Path.of("data"));
    ModelSpec spec = new ModelSpec("mlp", data.train().shape(), data.train().classes(), false);
    float[] params = ParamInit.pytorchDefault(spec, 5);
    int n = 4;
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    try (SparkWorkers workers =
        new SparkWorkers(
            jsc,
            spec,
            data.train(),
            data.test(),
            new BatchPlan(data.train().size(), 64, n, 9),
            n,
            2)) {
      boolean[] none = new boolean[n];
      boolean[] flip = {false, true, false, true};
      boolean[] ask = {true, true, false, false};
      SparkWorkers.StepGradients plain = workers.gradients(params, 1, 2, none);
      SparkWorkers.StepGradients flipped = workers.gradients(params, 1, 2, flip, null, ask);
      for (int w = 0; w < n; w++) {
        WorkerGradient f = flipped.gradients().get(w);
        assertEquals(w, f.worker());
        assertNull(f.gradient(), "the bytes are dropped once decoded");
        if (w == 1) {
          assertArrayEquals(plain.honest()[w], f.cleanValues(), "the truth of worker 1");
          assertFalse(
              java.util.Arrays.equals(plain.honest()[w], flipped.honest()[w]), "it did flip");
        } else {
          assertNull(f.clean(), "worker " + w + " was not asked or does not flip");
        }
        if (!flip[w]) {
          assertArrayEquals(plain.honest()[w], flipped.honest()[w], "worker " + w);
        }
      }
    }
  }

  /**
   * Dealing the workers into one task each (as for gradients too large to return many at once)
   * gives the same matrix, bit for bit, as two tasks.
   */
  @Test
  void moreTasksThanCoresGiveTheSameGradients() {
    TrainTest data = DatasetRegistry.get("synthetic").load(Path.of("data"));
    ModelSpec spec = new ModelSpec("mlp", data.train().shape(), data.train().classes(), false);
    float[] params = ParamInit.pytorchDefault(spec, 5);
    int n = 5;
    BatchPlan plan = new BatchPlan(data.train().size(), 40, n, 9);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    long huge = GradientStream.TASK_RESULT_BYTES; // a gradient of 128 MB: one worker per task
    assertEquals(n, SparkWorkers.gradientTasks(n, 2, huge));
    assertEquals(2, SparkWorkers.gradientTasks(n, 2, params.length));
    try (SparkWorkers two =
            new SparkWorkers(
                jsc, spec, data.train(), data.test(), null, plan, n, 2, params.length);
        SparkWorkers many =
            new SparkWorkers(jsc, spec, data.train(), data.test(), null, plan, n, 2, huge)) {
      assertEquals(2, two.partitions());
      assertEquals(n, many.partitions());
      SparkWorkers.StepGradients a = two.gradients(params, 1, 1, new boolean[n]);
      SparkWorkers.StepGradients b = many.gradients(params, 1, 1, new boolean[n]);
      for (int w = 0; w < n; w++) {
        assertArrayEquals(a.honest()[w], b.honest()[w], "worker " + w);
        assertEquals(a.gradients().get(w).loss(), b.gradients().get(w).loss());
        assertEquals(w, b.gradients().get(w).worker());
      }
    }
  }

  /** Tasks: the cores, more when a task would return over 32 MB, never more than the workers. */
  @Test
  void gradientTaskCount() {
    assertEquals(2, SparkWorkers.gradientTasks(16, 2, 468_874));
    assertEquals(61, SparkWorkers.gradientTasks(1024, 2, 468_874));
    assertEquals(1, SparkWorkers.gradientTasks(1, 8, 468_874));
    assertEquals(3, SparkWorkers.gradientTasks(3, 2, 100_000_000));
  }
}
