package org.ftsim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The two {@link Network}s on one architecture built both ways, as a {@link MultiLayerNetwork} and
 * as a {@link ComputationGraph}: Dense(4 → 5, tanh), BatchNormalization(5), Dense(5 → 3, softmax)
 * with cross-entropy. Flat layout, both: W₁ 20, b₁ 5, γ 5, β 5, running mean 5, running var or
 * log10 std 5, W₂ 15, b₂ 3 (63 values, of which 2 × 5 are state).
 */
class NetworkTest {

  static final int IN = 4;
  static final int HIDDEN = 5;
  static final int CLASSES = 3;
  static final int SIZE = IN * HIDDEN + HIDDEN + 4 * HIDDEN + HIDDEN * CLASSES + CLASSES;
  static final double DECAY = 0.9;

  static NeuralNetConfiguration.Builder base() {
    return new NeuralNetConfiguration.Builder().dataType(DataType.FLOAT).updater(new NoOp());
  }

  static List<org.deeplearning4j.nn.conf.layers.Layer> layers(boolean logStd) {
    return List.of(
        new DenseLayer.Builder().nIn(IN).nOut(HIDDEN).activation(Activation.TANH).build(),
        new BatchNormalization.Builder()
            .nIn(HIDDEN)
            .nOut(HIDDEN)
            .decay(DECAY)
            .useLogStd(logStd)
            .build(),
        new OutputLayer.Builder(LossFunction.MCXENT)
            .nIn(HIDDEN)
            .nOut(CLASSES)
            .activation(Activation.SOFTMAX)
            .build());
  }

  static MultiLayerNetwork sequential(boolean logStd) {
    NeuralNetConfiguration.ListBuilder list = base().list();
    layers(logStd).forEach(list::layer);
    MultiLayerNetwork net = new MultiLayerNetwork(list.build());
    net.init();
    return net;
  }

  static ComputationGraph graph(boolean logStd) {
    List<org.deeplearning4j.nn.conf.layers.Layer> l = layers(logStd);
    ComputationGraphConfiguration conf =
        base()
            .graphBuilder()
            .addInputs("in")
            .addLayer("dense", l.get(0), "in")
            .addLayer("bn", l.get(1), "dense")
            .addLayer("out", l.get(2), "bn")
            .setOutputs("out")
            .build();
    ComputationGraph graph = new ComputationGraph(conf);
    graph.init();
    return graph;
  }

  static List<Network> both(boolean logStd) {
    return List.of(new SequentialNetwork(sequential(logStd)), new GraphNetwork(graph(logStd)));
  }

  /** Random parameters, with positive running variances (log10 std within ±0.3). */
  static float[] params(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] p = new float[SIZE];
    for (int i = 0; i < SIZE; i++) {
      p[i] = (float) (random.nextDouble() - 0.5);
    }
    int var = IN * HIDDEN + HIDDEN + 3 * HIDDEN;
    for (int i = var; i < var + HIDDEN; i++) {
      p[i] = 0.5f + Math.abs(p[i]); // a variance, or a log10 std: fine as either
    }
    return p;
  }

  /** b random inputs with classes 0, 1, 2, 0, … one-hot. */
  static Batch batch(int b, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[b * IN];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) (2 * random.nextDouble() - 1);
    }
    float[] y = new float[b * CLASSES];
    for (int i = 0; i < b; i++) {
      y[i * CLASSES + i % CLASSES] = 1;
    }
    return new Batch(x, y, b);
  }

  /** State: the running mean and the running var (or log10 std) of the BN layer, 2 × 5 values. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theMaskMarksExactlyTheRunningStatisticsAsState(boolean logStd) {
    int mean = IN * HIDDEN + HIDDEN + 2 * HIDDEN;
    for (Network net : both(logStd)) {
      boolean[] trainable = net.trainable();
      assertEquals(SIZE, net.size());
      assertEquals(SIZE, trainable.length);
      for (int i = 0; i < SIZE; i++) {
        assertEquals(i < mean || i >= mean + 2 * HIDDEN, trainable[i], "position " + i);
      }
    }
    // The positions are those of DL4J's keys: "mean", and "log10stdev" (the default) or "var".
    MultiLayerNetwork net = sequential(logStd);
    INDArray flat = net.params();
    assertEquals(mean, net.getLayer(1).getParam("mean").offset() - flat.offset());
    String var = logStd ? "log10stdev" : "var";
    assertEquals(mean + HIDDEN, net.getLayer(1).getParam(var).offset() - flat.offset());
  }

  /** load writes the network's own flat vector (its layers see it), parameters reads it back. */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void loadingInPlaceThenReadingBackIsIdentity(boolean logStd) {
    float[] p = params(1);
    MultiLayerNetwork layers = sequential(logStd);
    INDArray flat = layers.params();
    Network net = new SequentialNetwork(layers);
    net.load(p);
    assertArrayEquals(p, net.parameters());
    assertSame(flat, layers.params(), "the same vector, written in place");
    assertEquals(p[0], layers.getLayer(0).getParam("W").getFloat(0), "W₁[0,0] as a layer sees it");
    Network graph = new GraphNetwork(graph(logStd));
    graph.load(p);
    assertArrayEquals(p, graph.parameters());
    assertThrows(IllegalArgumentException.class, () -> net.load(new float[SIZE - 1]));
  }

  /**
   * Same parameters and batch: the graph's gradient, loss and outputs are the stack's, bit for bit;
   * the gradient is 0 at state entries, where the state update is DL4J's (1 − decay)·(mean − batch
   * mean) for the running mean.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void theGraphAndTheStackAgreeAndStateEntriesAreAsDocumented(boolean logStd) {
    float[] p = params(2);
    Batch batch = batch(12, 3);
    List<float[]> gradients = new ArrayList<>();
    List<Double> losses = new ArrayList<>();
    List<float[]> updates = new ArrayList<>();
    List<float[]> outputs = new ArrayList<>();
    for (Network net : both(logStd)) {
      assertArrayEquals(new float[SIZE], net.stateUpdate(), "no update before a gradient");
      net.load(p);
      float[] g = new float[SIZE];
      losses.add(net.gradient(batch, 5, g));
      gradients.add(g);
      updates.add(net.stateUpdate());
      outputs.add(net.output(batch.features(), batch.size()));
      assertArrayEquals(p, net.parameters(), "computing a gradient leaves θ as it was");
    }
    assertArrayEquals(gradients.get(0), gradients.get(1));
    assertEquals(losses.get(0), losses.get(1));
    assertArrayEquals(updates.get(0), updates.get(1));
    assertArrayEquals(outputs.get(0), outputs.get(1));
    assertEquals(batch.size() * CLASSES, outputs.get(0).length);

    boolean[] trainable = both(logStd).get(0).trainable();
    float[] g = gradients.get(0);
    float[] u = updates.get(0);
    int nonzero = 0;
    for (int i = 0; i < SIZE; i++) {
      if (trainable[i]) {
        assertEquals(0, u[i], "no update at trained position " + i);
        nonzero += g[i] != 0 ? 1 : 0;
      } else {
        assertEquals(0, g[i], "no gradient at state position " + i);
        assertNotEquals(0, u[i], "an update at state position " + i);
      }
    }
    assertEquals(SIZE - 2 * HIDDEN, nonzero);

    // The batch mean of the dense layer's activations, which the BN layer normalises.
    MultiLayerNetwork net = sequential(logStd);
    net.setParams(Nd4j.create(p, new long[] {1, SIZE}, 'c'));
    INDArray x = Nd4j.create(batch.features(), new long[] {batch.size(), IN}, 'c');
    INDArray hidden = net.feedForward(x, true).get(1);
    int mean = IN * HIDDEN + HIDDEN + 2 * HIDDEN;
    for (int c = 0; c < HIDDEN; c++) {
      double batchMean = hidden.getColumn(c).meanNumber().doubleValue();
      double expected = (1 - DECAY) * (p[mean + c] - batchMean);
      assertEquals(expected, u[mean + c], 1e-6, "running mean " + c);
    }
  }

  /**
   * Each trained coordinate of the gradient is the central difference of the mean loss (BN in
   * training mode, so the loss couples the batch's samples). h = 1e-2 on a smooth float32 network:
   * truncation O(h²) and rounding (loss ~1e-7 / h) both stay under 2e-4; the actual step is taken
   * from the float parameters. State coordinates: the loss does not depend on them, the gradient
   * holds 0 there.
   */
  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void gradientIsTheDerivativeOfTheMeanLoss(boolean logStd) {
    float[] p = params(4);
    Batch batch = batch(16, 5);
    for (Network net : both(logStd)) {
      float[] g = new float[SIZE];
      net.load(p);
      net.gradient(batch, 7, g);
      float[] scratch = new float[SIZE];
      double h = 1e-2;
      for (int j = 0; j < SIZE; j++) {
        float[] plus = p.clone();
        float[] minus = p.clone();
        plus[j] += (float) h;
        minus[j] -= (float) h;
        net.load(plus);
        double up = net.gradient(batch, 7, scratch);
        net.load(minus);
        double down = net.gradient(batch, 7, scratch);
        double fd = (up - down) / ((double) plus[j] - minus[j]);
        assertEquals(
            fd, g[j], 2e-4 + 1e-3 * Math.abs(fd), net.getClass().getSimpleName() + " " + j);
      }
    }
  }
}
