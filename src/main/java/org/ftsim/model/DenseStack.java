package org.ftsim.model;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * The gradients of several batches from one batched forward and backward pass through a stack of
 * dense layers (the {@code mlp} and {@code linear}): the activations, the output errors and the
 * back-propagated errors are per sample, so they are computed once for the concatenated samples;
 * each batch v's weight gradient is its own slice, Aᵥᵀ·δᵥ, and its bias gradient Σ δᵥ, with the
 * very calls DL4J's layers make for one batch (same shapes, orders and reductions), and its mean
 * loss DL4J's score of its rows. Per sample a batched matrix product computes the same dot products
 * as one batch's; whether the bits agree with DL4J's one batch at a time is what {@code
 * DenseStackTest} checks (they do with the nd4j-native build here; where the BLAS computes small
 * products otherwise, they are not batched: {@link #rowsIndependent}).
 *
 * <p>Only for stacks without dropout, weight noise, layer normalisation or regularisation: {@link
 * #of} answers null for anything else, and the caller computes batch by batch.
 */
final class DenseStack {

  /** The least multiply-adds per batch for which a layer's products are batched. */
  static final long BATCHED_WORK = 1L << 20;

  private final Layer[] layers;
  private final IActivation[] activations;
  private final ILossFunction loss;

  private DenseStack(Layer[] layers) {
    this.layers = layers;
    this.activations = new IActivation[layers.length];
    for (int l = 0; l < layers.length; l++) {
      activations[l] = ((BaseLayer) layers[l].conf().getLayer()).getActivationFn();
    }
    this.loss = ((OutputLayer) layers[layers.length - 1].conf().getLayer()).getLossFn();
  }

  /** The batched pass of {@code net}, or null when a layer is not a plain dense one. */
  static DenseStack of(MultiLayerNetwork net) {
    Layer[] layers = net.getLayers();
    if (net.getLayerWiseConfigurations().getInputPreProcessors().size() > 0) {
      return null;
    }
    for (int l = 0; l < layers.length; l++) {
      org.deeplearning4j.nn.conf.layers.Layer conf = layers[l].conf().getLayer();
      boolean last = l == layers.length - 1;
      boolean kind =
          last
              ? conf.getClass() == OutputLayer.class
              : conf.getClass() == DenseLayer.class && !((DenseLayer) conf).hasLayerNorm();
      if (!kind
          || conf.getIDropout() != null
          || ((BaseLayer) conf).getWeightNoise() != null
          || !((BaseLayer) conf).getRegularization().isEmpty()
          || !((BaseLayer) conf).getRegularizationBias().isEmpty()
          || !layers[l].paramTable().containsKey(DefaultParamInitializer.BIAS_KEY)) {
        return null;
      }
    }
    return new DenseStack(layers);
  }

  /**
   * Writes into {@code into[v]} (flat, the network's parameter order) the <em>sum</em> over batch
   * v's samples of the loss gradients, as DL4J's raw gradient, and returns each batch's mean loss.
   *
   * @param features the samples of all batches, row-major [Σ bᵥ, d], batch after batch
   * @param labels their labels, row-major [Σ bᵥ, outputs]
   * @param sizes bᵥ, each at least 1
   * @param into one flat FLOAT vector of the network's length per batch
   */
  double[] sums(float[] features, float[] labels, int[] sizes, INDArray[] into) {
    int total = 0;
    int[] from = new int[sizes.length + 1];
    for (int v = 0; v < sizes.length; v++) {
      total += sizes[v];
      from[v + 1] = total;
    }
    int smallest = Arrays.stream(sizes).min().getAsInt();
    int[] distinct = Arrays.stream(sizes).distinct().toArray();
    int depth = layers.length;
    INDArray[] inputs = new INDArray[depth];
    INDArray[] pre = new INDArray[depth];
    // Per layer, whether its products (forward and backward) are batched: decided once per pass.
    boolean[] batched = new boolean[depth];
    inputs[0] = Dl4jNetwork.matrix(features, total);
    for (int l = 0; l < depth; l++) {
      INDArray w = layers[l].getParam(DefaultParamInitializer.WEIGHT_KEY);
      INDArray b = layers[l].getParam(DefaultParamInitializer.BIAS_KEY);
      INDArray z = Nd4j.createUninitialized(DataType.FLOAT, total, w.size(1));
      batched[l] = batchable(smallest, distinct, total, w);
      if (batched[l]) {
        inputs[l].mmuli(w, z);
      } else {
        for (int v = 0; v < sizes.length; v++) {
          rows(z, from[v], from[v + 1]).assign(rows(inputs[l], from[v], from[v + 1]).dup().mmul(w));
        }
      }
      z.addiRowVector(b);
      pre[l] = z;
      if (l + 1 < depth) {
        inputs[l + 1] = activations[l].getActivation(z.dup(), true);
      }
    }
    INDArray y = Dl4jNetwork.matrix(labels, total);
    double[] losses = new double[sizes.length];
    for (int v = 0; v < sizes.length; v++) {
      losses[v] =
          loss.computeScore(
                  rows(y, from[v], from[v + 1]).dup(),
                  rows(pre[depth - 1], from[v], from[v + 1]).dup(),
                  activations[depth - 1],
                  null,
                  false)
              / sizes[v];
    }
    INDArray delta = loss.computeGradient(y, pre[depth - 1], activations[depth - 1], null);
    for (int l = depth - 1; l >= 0; l--) {
      for (int v = 0; v < sizes.length; v++) {
        INDArray d = rows(delta, from[v], from[v + 1]).dup();
        INDArray a = rows(inputs[l], from[v], from[v + 1]).dup();
        INDArray weight = view(into[v], layers[l], DefaultParamInitializer.WEIGHT_KEY);
        INDArray bias = view(into[v], layers[l], DefaultParamInitializer.BIAS_KEY);
        d.sum(bias, 0);
        Nd4j.gemm(a, d, weight, true, false, 1.0, 0.0);
      }
      if (l > 0) {
        INDArray w = layers[l].getParam(DefaultParamInitializer.WEIGHT_KEY);
        INDArray epsilon;
        if (batched[l]) {
          epsilon = epsilon(w, delta);
        } else {
          epsilon = Nd4j.createUninitialized(DataType.FLOAT, total, w.size(0));
          for (int v = 0; v < sizes.length; v++) {
            rows(epsilon, from[v], from[v + 1])
                .assign(epsilon(w, rows(delta, from[v], from[v + 1]).dup()));
          }
        }
        delta = activations[l - 1].backprop(pre[l - 1], epsilon).getFirst();
      }
    }
    return losses;
  }

  /** DL4J's error at a dense layer's input: (W·δᵀ)ᵀ, computed into an f-ordered [nIn, rows]. */
  private static INDArray epsilon(INDArray w, INDArray delta) {
    INDArray out =
        Nd4j.createUninitialized(DataType.FLOAT, new long[] {w.size(0), delta.size(0)}, 'f');
    return w.mmuli(delta.transpose(), out).transpose();
  }

  /**
   * Whether a layer of weights {@code w} may multiply all batches ({@code total} rows, of batches
   * of the sizes {@code distinct}) at once: when the smallest batch's own product has at least
   * {@value #BATCHED_WORK} multiply-adds, and the BLAS here computes each row of such a product
   * with the same bits whatever the number of rows ({@link #rowsIndependent}). Smaller products can
   * take other BLAS paths than a large one (a [b, 128]·[128, 10] output layer gives other bits from
   * 128 rows up), so those are computed batch by batch, as DL4J does.
   */
  private static boolean batchable(int smallest, int[] distinct, int total, INDArray w) {
    if (smallest < 2 || (long) smallest * w.size(0) * w.size(1) < BATCHED_WORK) {
      return false;
    }
    for (int rows : distinct) {
      if (!rowsIndependent(rows, total, (int) w.size(0), (int) w.size(1))) {
        return false;
      }
    }
    return true;
  }

  private static final Map<List<Integer>, Boolean> INDEPENDENT = new ConcurrentHashMap<>();

  /**
   * Whether the products of this layer's shapes give a batch of {@code rows} rows the same bits
   * alone as among {@code total} rows, forward ([rows, k]·[k, n]) and backward (DL4J's error at the
   * input, (W·δᵀ)ᵀ): measured once per shape on fixed pseudo-random data. OpenBLAS takes another
   * kernel for small products on CPUs with AVX-512 (its direct sgemm, whatever {@code
   * OPENBLAS_CORETYPE} says), whose sums run in another order: there each batch is computed alone,
   * as DL4J does, and a run's bits still do not depend on how its workers are grouped.
   */
  static boolean rowsIndependent(int rows, int total, int k, int n) {
    return INDEPENDENT.computeIfAbsent(
        List.of(rows, total, k, n),
        key -> {
          SplittableRandom random = new SplittableRandom(rows * 31L + total);
          INDArray x = filled(random, total, k);
          INDArray w = filled(random, k, n);
          INDArray delta = filled(random, total, n);
          INDArray first = rows(x, 0, rows).dup();
          INDArray firstDelta = rows(delta, 0, rows).dup();
          // The pass's own calls: all rows into a new matrix, one batch's rows copied out.
          INDArray all = x.mmuli(w, Nd4j.createUninitialized(DataType.FLOAT, total, n));
          boolean forward = sameBits(all, first.mmul(w), rows);
          boolean backward = sameBits(epsilon(w, delta), epsilon(w, firstDelta), rows);
          return forward && backward;
        });
  }

  /** Whether the first {@code rows} rows of {@code all} hold the bits of {@code alone}. */
  private static boolean sameBits(INDArray all, INDArray alone, int rows) {
    float[] a = rows(all, 0, rows).dup('c').data().asFloat();
    float[] b = alone.dup('c').data().asFloat();
    for (int i = 0; i < b.length; i++) {
      if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
        return false;
      }
    }
    return true;
  }

  /** An [r, c] row-major matrix of pseudo-random values in [-0.5, 0.5) (a probe's data). */
  static INDArray filled(SplittableRandom random, int r, int c) {
    float[] values = new float[r * c];
    for (int i = 0; i < values.length; i++) {
      values[i] = (float) (random.nextDouble() - 0.5);
    }
    return Nd4j.create(values, new long[] {r, c}, 'c');
  }

  /** Rows [from, to) of a row-major matrix, as a view. */
  private static INDArray rows(INDArray m, int from, int to) {
    return m.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
  }

  /**
   * The view of {@code flat} at the place of {@code layer}'s parameter {@code key}: its parameter
   * table's views of the flat parameter vector give the offset, shape and order.
   */
  private static INDArray view(INDArray flat, Layer layer, String key) {
    INDArray param = layer.getParam(key);
    long offset = param.offset();
    return flat.get(NDArrayIndex.interval(offset, offset + param.length()))
        .reshape(param.ordering(), param.shape());
  }
}
