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
        WorkerGradient p = plain.gradients().get(w);
        WorkerGradient f = flipped.gradients().get(w);
        assertEquals(w, f.worker());
        if (w == 1) {
          assertArrayEquals(p.gradient(), f.clean(), "the truth of worker 1");
          assertFalse(java.util.Arrays.equals(p.gradient(), f.gradient()), "it did flip");
        } else {
          assertNull(f.clean(), "worker " + w + " was not asked or does not flip");
        }
        if (!flip[w]) {
          assertArrayEquals(p.gradient(), f.gradient(), "worker " + w);
        }
      }
      assertArrayEquals(
          plain.gradients().get(1).values(), flipped.gradients().get(1).cleanValues());
      assertArrayEquals(
          plain.gradients().get(0).values(), flipped.gradients().get(0).cleanValues());
    }
  }
}
