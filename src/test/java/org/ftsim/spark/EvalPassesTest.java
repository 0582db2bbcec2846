package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.ftsim.data.InputShape;
import org.ftsim.model.ModelSpec;
import org.ftsim.model.Network;
import org.junit.jupiter.api.Test;

/** How many rows an evaluation pushes through a network at once (issue 13: the CNN's OOM). */
class EvalPassesTest {

  @Test
  void theMlpTakesAWholeChunkOfMnist() {
    Network mlp = new ModelSpec("mlp", InputShape.flat(784), 10, false).network();
    // Input, the two hidden layers, the output.
    assertEquals(784 + 512 + 128 + 10, mlp.activationsPerSample(784));
    assertEquals(1000, EvalTask.rowsPerPass(mlp, 784, SparkWorkers.EVAL_CHUNK));
  }

  @Test
  void theBucketingCodesCnnTakesAFewDozenRowsAtATime() {
    Network cnn = new ModelSpec("epfml-mnist-cnn", new InputShape(1, 28, 28), 10, false).network();
    // Input, conv 3×3 → 32 (26×26), conv 3×3 → 64 (24×24), max-pool (12×12), spatial dropout,
    // dense 128, output 10.
    long activations = 784 + 26 * 26 * 32 + 24 * 24 * 64 + 12 * 12 * 64 * 2 + 128 + 10;
    assertEquals(activations, cnn.activationsPerSample(784));
    int rows = EvalTask.rowsPerPass(cnn, 784, SparkWorkers.EVAL_CHUNK);
    assertEquals((int) (EvalTask.ACTIVATION_BUDGET / activations), rows);
    assertEquals(107, rows);
  }
}
