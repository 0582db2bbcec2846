package org.ftsim.model;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Map;
import java.util.function.ToLongFunction;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A {@link Network} over an initialised DL4J model of FLOAT data type, whose flat parameter and
 * gradient vectors are each one whole native buffer: parameters are loaded and gradients read with
 * one memory copy each (never {@code setParams}). DL4J's raw gradient is the sum over the minibatch
 * of the trained parameters' gradients, and its updater's pseudo-gradient u at state entries (its
 * no-op updater then steps θ − u): the sum is divided by b, u is kept for {@link #stateUpdate()}.
 */
abstract class Dl4jNetwork implements Network {

  /** Stands in for a zero seed, which libnd4j does not honour (fresh masks at every call). */
  private static final long NONZERO_SEED = 0x5EED;

  private final Model model;
  private final Layer[] layers;
  private final boolean[] trainable;

  /** The state positions, ascending. */
  private final int[] state;

  /** u of the last gradient at {@link #state}. */
  private final float[] update;

  /** Per state position: whether it is a running variance, and its channel's values per sample. */
  private final boolean[] variance;

  private final long[] spatial;

  /** Why {@link #batchStatistics()} cannot answer, or null. */
  private final String noStatistics;

  private int lastBatch;

  /**
   * @param spatialOf per layer, the height × width of its activations (1 for feed-forward ones)
   */
  Dl4jNetwork(Model model, Layer[] layers, ToLongFunction<Layer> spatialOf) {
    this.model = model;
    this.layers = layers;
    INDArray flat = whole(model.params(), "parameter");
    if (flat.dataType() != DataType.FLOAT) {
      throw new IllegalArgumentException("needs a FLOAT network; got " + flat.dataType());
    }
    int n = Math.toIntExact(flat.length());
    trainable = new boolean[n];
    Arrays.fill(trainable, true);
    long covered = 0;
    for (Layer layer : layers) {
      for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
        // Parameter tables are views of the flat vector; offsets index into it.
        INDArray view = param.getValue();
        covered += view.length();
        if (!layer.updaterDivideByMinibatch(param.getKey())) {
          int from = Math.toIntExact(view.offset());
          Arrays.fill(trainable, from, Math.toIntExact(from + view.length()), false);
        }
      }
    }
    if (covered != n) {
      throw new IllegalStateException(
          "the layers' parameters cover " + covered + " of " + n + " flat positions");
    }
    state = IntStream.range(0, n).filter(i -> !trainable[i]).toArray();
    update = new float[state.length];
    boolean[] varianceAt = new boolean[n];
    long[] spatialAt = new long[n];
    String refusal = null;
    for (Layer layer : layers) {
      if (layer.conf().getLayer() instanceof BatchNormalization bn) {
        if (bn.getDecay() != 0) {
          refusal =
              "batch norm "
                  + layer.conf().getLayer().getLayerName()
                  + " has decay "
                  + bn.getDecay();
        }
        long hw = spatialOf.applyAsLong(layer);
        for (Map.Entry<String, INDArray> param : layer.paramTable().entrySet()) {
          int from = Math.toIntExact(param.getValue().offset());
          int to = Math.toIntExact(from + param.getValue().length());
          Arrays.fill(spatialAt, from, to, hw);
          Arrays.fill(
              varianceAt,
              from,
              to,
              param.getKey().equals(BatchNormalizationParamInitializer.GLOBAL_VAR));
          if (param.getKey().equals(BatchNormalizationParamInitializer.GLOBAL_LOG_STD)) {
            refusal = "batch norm " + layer.conf().getLayer().getLayerName() + " keeps log10 std";
          }
        }
      }
    }
    spatial = new long[state.length];
    variance = new boolean[state.length];
    for (int i = 0; i < state.length; i++) {
      spatial[i] = spatialAt[state[i]];
      variance[i] = varianceAt[state[i]];
    }
    noStatistics = refusal;
  }

  /** The DL4J layers, in DL4J's order (for {@link ParamInit}). */
  final Layer[] layers() {
    return layers;
  }

  /** Sets the batch and computes DL4J's gradient and score in training mode. */
  abstract void computeGradientAndScore(INDArray features, INDArray labels);

  /** The output in inference mode. */
  abstract INDArray infer(INDArray features);

  @Override
  public final int size() {
    return trainable.length;
  }

  @Override
  public final boolean[] trainable() {
    return trainable.clone();
  }

  @Override
  public final void load(float[] params) {
    checkLength(params, "parameters");
    floats(whole(model.params(), "parameter").data()).put(params);
  }

  @Override
  public final float[] parameters() {
    float[] params = new float[size()];
    floats(whole(model.params(), "parameter").data()).get(params);
    return params;
  }

  @Override
  public final double gradient(Batch batch, long randomSeed, float[] into) {
    checkLength(into, "gradient");
    Nd4j.getRandom().setSeed(randomSeed != 0 ? randomSeed : NONZERO_SEED);
    computeGradientAndScore(
        matrix(batch.features(), batch.size()), matrix(batch.labels(), batch.size()));
    INDArray gradient = whole(model.gradient().gradient(), "gradient");
    DataBuffer buffer = gradient.data();
    // Keep u before the division: it is an update, not a sum over the batch.
    for (int i = 0; i < state.length; i++) {
      update[i] = buffer.getFloat(state[i]);
    }
    lastBatch = batch.size();
    // The sum over the minibatch to the mean loss's gradient, in ND4J as ever (the same bits).
    gradient.divi(batch.size());
    floats(buffer).get(into);
    for (int i : state) {
      into[i] = 0;
    }
    double loss = model.score();
    model.clear();
    return loss;
  }

  /** The batched pass of {@link #gradients}, or null (the default): batch by batch. */
  DenseStack batched() {
    return null;
  }

  @Override
  public final boolean batches() {
    return batched() != null && state.length == 0;
  }

  /**
   * The batched pass's intermediate arrays (its samples, activations and errors: about 5 MB for 8
   * MNIST batches of 32) come from a workspace of this thread, reused from step to step, rather
   * than from fresh native allocations, whose page faults and deferred frees cost a third of the
   * pass (issue 15). The first pass measures the size; a larger one reallocates.
   */
  private static final WorkspaceConfiguration BATCHED =
      WorkspaceConfiguration.builder()
          .initialSize(0)
          .policyAllocation(AllocationPolicy.STRICT)
          .policyLearning(LearningPolicy.FIRST_LOOP)
          .policyReset(ResetPolicy.BLOCK_LEFT)
          .policySpill(SpillPolicy.REALLOCATE)
          .build();

  /** Flat FLOAT vectors reused for the batched pass's sums, grown as needed. */
  private INDArray[] sums = new INDArray[0];

  /**
   * Through {@link #batched()} when there is one and nothing random or stateful (a network with
   * state entries, or a seeded draw, goes batch by batch): the sums of one batched pass, each
   * divided by its batch size in ND4J as {@link #gradient} does.
   */
  @Override
  public final double[] gradients(Batch[] batches, long[] randomSeeds, FloatBuffer[] into) {
    DenseStack stack = batched();
    if (stack == null || state.length > 0 || batches.length < 2) {
      return Network.super.gradients(batches, randomSeeds, into);
    }
    int rows = 0;
    for (Batch b : batches) {
      rows += b.size();
    }
    float[] x = new float[rows * (batches[0].features().length / batches[0].size())];
    float[] y = new float[rows * (batches[0].labels().length / batches[0].size())];
    int[] sizes = new int[batches.length];
    int xAt = 0;
    int yAt = 0;
    for (int v = 0; v < batches.length; v++) {
      if (into[v].remaining() < size()) {
        throw new IllegalArgumentException(
            into[v].remaining() + " floats remaining for a gradient of " + size());
      }
      sizes[v] = batches[v].size();
      System.arraycopy(batches[v].features(), 0, x, xAt, batches[v].features().length);
      System.arraycopy(batches[v].labels(), 0, y, yAt, batches[v].labels().length);
      xAt += batches[v].features().length;
      yAt += batches[v].labels().length;
    }
    if (sums.length < batches.length) {
      INDArray[] grown = Arrays.copyOf(sums, batches.length);
      for (int v = sums.length; v < grown.length; v++) {
        grown[v] = Nd4j.create(DataType.FLOAT, size());
      }
      sums = grown;
    }
    double[] losses;
    try (MemoryWorkspace ws =
        Nd4j.getWorkspaceManager().getAndActivateWorkspace(BATCHED, "ftsim-batched")) {
      losses = stack.sums(x, y, sizes, Arrays.copyOf(sums, batches.length));
    }
    for (int v = 0; v < batches.length; v++) {
      int at = into[v].position();
      into[v].put(floats(sums[v].data()));
      divide(into[v], at, size(), sizes[v]);
    }
    return losses;
  }

  /**
   * Divides {@code length} floats of {@code b} from {@code from} by {@code by}, in Java while they
   * are in cache rather than in a pass of ND4J's over the native sums: IEEE division either way,
   * the same bits ({@code DenseStackTest} compares with {@link #gradient}'s ND4J division).
   */
  private static void divide(FloatBuffer b, int from, int length, int by) {
    float s = by;
    if (b.hasArray()) {
      float[] a = b.array();
      int offset = b.arrayOffset() + from;
      for (int i = offset; i < offset + length; i++) {
        a[i] /= s;
      }
    } else {
      for (int i = from; i < from + length; i++) {
        b.put(i, b.get(i) / s);
      }
    }
  }

  @Override
  public final float[] stateUpdate() {
    float[] u = new float[size()];
    for (int i = 0; i < state.length; i++) {
      u[state[i]] = update[i];
    }
    return u;
  }

  @Override
  public final int[] statePositions() {
    return state.clone();
  }

  @Override
  public final float[] batchStatistics() {
    if (noStatistics != null) {
      throw new IllegalStateException(noStatistics + ": its update hides the batch's statistics");
    }
    DataBuffer params = whole(model.params(), "parameter").data();
    float[] stats = new float[state.length];
    for (int i = 0; i < state.length; i++) {
      // With decay 0 DL4J's update is u = θ − (batch statistic): the statistic is θ − u, its
      // variance the biased one.
      float biased = params.getFloat(state[i]) - update[i];
      long m = (long) lastBatch * spatial[i];
      stats[i] = variance[i] && m > 1 ? (float) (biased * ((double) m / (m - 1))) : biased;
    }
    return stats;
  }

  /** {@link #activationsPerSample}, once known (-1: not yet). */
  private long activations = -1;

  @Override
  public final long activationsPerSample(int inputSize) {
    if (activations < 0) {
      activations = activations(Nd4j.zeros(DataType.FLOAT, 1, inputSize));
      model.clear();
    }
    return activations;
  }

  /** The total length of the activations of one input row in inference mode, input included. */
  abstract long activations(INDArray oneRow);

  @Override
  public final float[] output(float[] features, int rows) {
    float[] y = infer(matrix(features, rows)).dup('c').data().asFloat();
    model.clear();
    return y;
  }

  private void checkLength(float[] values, String what) {
    if (values.length != size()) {
      throw new IllegalArgumentException(
          what + " of length " + values.length + " for a network of " + size());
    }
  }

  /** {@code values} as a rows × (length / rows) row-major matrix. */
  /**
   * {@code values} as a row-major [rows, length / rows] FLOAT matrix, copied in one bulk copy
   * ({@code Nd4j.create(float[], …)} copies value by value through the buffer's indexer: 200,000
   * calls for 256 MNIST images).
   */
  static INDArray matrix(float[] values, int rows) {
    INDArray m =
        Nd4j.createUninitialized(DataType.FLOAT, new long[] {rows, values.length / rows}, 'c');
    floats(m.data()).put(values);
    return m;
  }

  private static INDArray whole(INDArray flat, String what) {
    if (flat.data().length() != flat.length()) {
      throw new IllegalStateException("the flat " + what + " vector is not a whole buffer");
    }
    return flat;
  }

  /** The whole of a native FLOAT buffer as a float view, positioned at 0. */
  private static FloatBuffer floats(DataBuffer buffer) {
    ByteBuffer bytes = buffer.asNio();
    bytes.clear();
    return bytes.order(ByteOrder.nativeOrder()).asFloatBuffer();
  }
}
