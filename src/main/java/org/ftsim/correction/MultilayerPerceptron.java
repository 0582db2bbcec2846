package org.ftsim.correction;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.ftsim.base.Seeds;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code mlp}: a small multilayer perceptron regressor trained with DL4J, as the prototype's study
 * uses scikit-learn's {@code MLPRegressor(hidden_layer_sizes=(10, 10), max_iter=200)} with its
 * defaults: ReLU hidden layers, a linear output, squared loss with L2 penalty α = 1e-4 on the
 * weights, Glorot-uniform weights and biases, Adam (learning rate 1e-3, β = 0.9, 0.999, ε = 1e-8)
 * on shuffled mini-batches of min(200, n) pairs, at most {@code epochs} passes, stopping when the
 * epoch's mean training loss has not fallen by 1e-4 for more than 10 epochs in a row. Inputs and
 * targets are min-max scaled as the family's ({@link Regressor}; the prototype's "standardisation"
 * is scikit-learn's {@code MinMaxScaler}). The random streams differ from scikit-learn's, and the
 * mini-batch losses are float.
 *
 * <p>Fitting runs on the driver (or wherever {@link #fit} is called), one thread; the fitted
 * network is read back into a {@link PerceptronModel}, which predicts in plain Java.
 */
public final class MultilayerPerceptron implements Regressor {

  /** Hidden units per layer (scikit-learn's {@code hidden_layer_sizes=(10, 10)}). */
  public static final int DEFAULT_HIDDEN = 10;

  /** Passes over the pairs at most (scikit-learn's {@code max_iter}). */
  public static final int DEFAULT_EPOCHS = 200;

  /** Mini-batch size (scikit-learn's {@code batch_size='auto'}: min(200, n)). */
  public static final int DEFAULT_BATCH = 200;

  /** scikit-learn's {@code alpha}, {@code learning_rate_init}, {@code tol}, patience. */
  static final double ALPHA = 1e-4;

  static final double LEARNING_RATE = 1e-3;
  static final double TOLERANCE = 1e-4;
  static final int PATIENCE = 10;

  private final int hidden;
  private final int epochs;
  private final int batch;
  private final long seed;

  /**
   * A regressor.
   *
   * @param hidden units in each of the two hidden layers, ≥ 1
   * @param epochs passes at most, ≥ 1
   * @param batch mini-batch size, ≥ 1
   * @param seed the seed of the initial weights and of the shuffles (the run's)
   * @throws IllegalArgumentException naming the bad value
   */
  public MultilayerPerceptron(int hidden, int epochs, int batch, long seed) {
    require(hidden >= 1, "hidden must be >= 1; got " + hidden);
    require(epochs >= 1, "epochs must be >= 1; got " + epochs);
    require(batch >= 1, "batch must be >= 1; got " + batch);
    this.hidden = hidden;
    this.epochs = epochs;
    this.batch = batch;
    this.seed = seed;
  }

  /** The defaults, seeded with {@code seed}. */
  public MultilayerPerceptron(long seed) {
    this(DEFAULT_HIDDEN, DEFAULT_EPOCHS, DEFAULT_BATCH, seed);
  }

  @Override
  public RegressionModel fit(ReplicaPairs pairs) {
    if (pairs.constantInput()) {
      return AffineModel.constant(pairs.honestMean());
    }
    // All usable pairs, in coordinate order: the sampler is never drawn from.
    double[][] scaled = pairs.scaled(Long.MAX_VALUE, new SplittableRandom(0));
    double[] xs = scaled[0];
    double[] ys = scaled[1];
    int n = xs.length;
    int size = Math.min(batch, n);
    MultiLayerNetwork net = network(size, Seeds.derive(seed, Seeds.INIT, n));
    initBiases(net, Seeds.random(seed, Seeds.INIT, n, 1));
    SplittableRandom shuffle = Seeds.random(seed, Seeds.CORRECTION_SAMPLE, n, 2);
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    float[] fx = new float[size];
    float[] fy = new float[size];
    double best = Double.POSITIVE_INFINITY;
    int stale = 0;
    for (int epoch = 0; epoch < epochs; epoch++) {
      for (int i = n - 1; i > 0; i--) {
        int k = shuffle.nextInt(i + 1);
        int t = order[i];
        order[i] = order[k];
        order[k] = t;
      }
      double loss = 0;
      for (int from = 0; from < n; from += size) {
        int b = Math.min(size, n - from);
        float[] bx = b == size ? fx : new float[b];
        float[] by = b == size ? fy : new float[b];
        for (int i = 0; i < b; i++) {
          bx[i] = (float) xs[order[from + i]];
          by[i] = (float) ys[order[from + i]];
        }
        INDArray features = Nd4j.create(bx, new long[] {b, 1}, 'c');
        INDArray labels = Nd4j.create(by, new long[] {b, 1}, 'c');
        net.fit(features, labels);
        // DL4J's score is twice scikit-learn's loss (MSE and 2α/size, see network()).
        loss += net.score() / 2 * b;
      }
      loss /= n;
      // scikit-learn's _update_no_improvement_count without early_stopping.
      stale = loss > best - TOLERANCE ? stale + 1 : 0;
      best = Math.min(best, loss);
      if (stale > PATIENCE) {
        break;
      }
    }
    return read(net, pairs.faultyScale(), pairs.honestScale());
  }

  /**
   * The network: DL4J's MSE loss is mean (y − ŷ)², twice scikit-learn's squared loss, so the L2
   * coefficient is doubled as well (scikit-learn adds α/2·‖W‖² / batch size); Adam's steps do not
   * change with the scale of the loss.
   */
  private MultiLayerNetwork network(int size, long initSeed) {
    MultiLayerConfiguration conf =
        new NeuralNetConfiguration.Builder()
            .seed(initSeed)
            .dataType(DataType.FLOAT)
            .updater(new Adam(LEARNING_RATE, 0.9, 0.999, 1e-8))
            .weightInit(WeightInit.XAVIER_UNIFORM)
            .l2(2 * ALPHA / size)
            .list()
            .layer(new DenseLayer.Builder().nIn(1).nOut(hidden).activation(Activation.RELU).build())
            .layer(
                new DenseLayer.Builder()
                    .nIn(hidden)
                    .nOut(hidden)
                    .activation(Activation.RELU)
                    .build())
            .layer(
                new OutputLayer.Builder(LossFunctions.LossFunction.MSE)
                    .nIn(hidden)
                    .nOut(1)
                    .activation(Activation.IDENTITY)
                    .build())
            .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  /**
   * Draws the biases as scikit-learn does, uniform in ±√(6 / (fan in + fan out)) like the weights
   * (DL4J starts them at 0, which puts every first-layer ReLU's kink at the scaled input 0, and a
   * map with a kink elsewhere then sits on a plateau that the stopping rule takes for convergence).
   */
  private void initBiases(MultiLayerNetwork net, SplittableRandom random) {
    int[][] fans = {{1, hidden}, {hidden, hidden}, {hidden, 1}};
    for (int layer = 0; layer < 3; layer++) {
      double bound = Math.sqrt(6.0 / (fans[layer][0] + fans[layer][1]));
      float[] b = new float[fans[layer][1]];
      for (int i = 0; i < b.length; i++) {
        b[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
      }
      net.setParam(layer + "_b", Nd4j.create(b, new long[] {1, b.length}, 'c'));
    }
  }

  /** The fitted network as a {@link PerceptronModel} with the pairs' scalings. */
  private PerceptronModel read(MultiLayerNetwork net, MinMax sx, MinMax sy) {
    float[] p = new float[PerceptronModel.count(hidden, hidden)];
    p[0] = (float) sx.min();
    p[1] = (float) sx.range();
    p[2] = (float) sy.min();
    p[3] = (float) sy.range();
    int at = 4;
    at = copy(net.getParam("0_W"), p, at);
    at = copy(net.getParam("0_b"), p, at);
    at = copy(net.getParam("1_W"), p, at); // [h1, h2] in row-major order: row k from unit k
    at = copy(net.getParam("1_b"), p, at);
    at = copy(net.getParam("2_W"), p, at);
    copy(net.getParam("2_b"), p, at);
    return new PerceptronModel(hidden, hidden, p);
  }

  private static int copy(INDArray values, float[] into, int at) {
    float[] flat = values.dup('c').data().asFloat();
    System.arraycopy(flat, 0, into, at, flat.length);
    return at + flat.length;
  }

  private static void require(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException("mlp " + message);
    }
  }

  @Override
  public String toString() {
    return "mlp:hidden=" + hidden + ",epochs=" + epochs + ",batch=" + batch;
  }
}
