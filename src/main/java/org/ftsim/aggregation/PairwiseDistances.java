package org.ftsim.aggregation;

import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * All pairwise squared Euclidean distances of the rows, through the Gram-matrix identity ‖x_i −
 * x_j‖² = G_ii + G_jj − 2 G_ij with G = X Xᵀ computed by ND4J's single-precision matrix multiply.
 *
 * <p>The coordinates are cut into fixed chunks (about 4 MB of floats each, the size depending only
 * on n). Each chunk is centred on one of its rows before its Gram matrix is formed: distances do
 * not change, but the float products are taken of differences instead of raw gradients, which
 * removes the cancellation a large common component would otherwise cause. The centre is the row of
 * median norm over every 16th column of the chunk (a full pass would cost one more read of the n ×
 * d matrix), among the rows finite over the whole chunk; a row typical on those columns but not on
 * the others would only cost precision, never correctness. Chunk distances are summed in double in
 * chunk order within a {@link DistanceBlocks} group (about 32 MB of floats), and the groups' sums
 * in group order, so the result is the same whatever the number of threads that computed the
 * chunks, and the same when the executors compute the groups ({@code --aggregate-on executors});
 * chunks are formed a window of a few at a time, so that the n × n Gram matrices held at once do
 * not grow with d.
 *
 * <p>Non-finite rows: a row with a NaN or ±∞ coordinate, or whose centred squared norm overflows
 * float (both show on the diagonal of the Gram matrix), is <em>far</em>: its distance to every
 * other row is +∞ and to itself 0. Rules therefore rank it last, and never weight it.
 */
final class PairwiseDistances {

  /** Target elements (n × columns) of one chunk. */
  static final int CHUNK_ELEMENTS = 1 << 20;

  /** The centring row is chosen on every SAMPLE_STRIDE-th column of a chunk. */
  static final int SAMPLE_STRIDE = 16;

  /** Fewest columns in a chunk, so that tiny n does not make gemm calls too short. */
  static final int MIN_CHUNK_COLUMNS = 1024;

  /** The distances and the far rows. */
  record Result(double[][] squared, boolean[] far) {

    /** The number of rows that are not far. */
    int finiteCount() {
      return far.length - Rows.count(far);
    }
  }

  private PairwiseDistances() {}

  /**
   * Computes the squared distances of the rows (all of one length): the {@link DistanceBlocks}
   * groups' partial sums, each over its chunks in chunk order, added in group order.
   */
  static Result of(float[][] rows) {
    int n = rows.length;
    DistanceBlocks blocks = DistanceBlocks.of(n, rows[0].length);
    double[] sum = null;
    boolean[] far = new boolean[n];
    for (int g = 0; g < blocks.groups(); g++) {
      sum = DistanceBlocks.add(sum, far, blocks.partial(rows, 0, g));
    }
    return finish(sum == null ? new double[n * (n - 1) / 2] : sum, far);
  }

  /**
   * The partial sums of chunks [first, last) of the rows, whose arrays hold the coordinates from
   * {@code offset} on: for each pair i < j (in row-major order of the upper triangle), Σ over the
   * chunks, in chunk order, of G_ii + G_jj − 2 G_ij in double; {@code far} gets the rows non-finite
   * there.
   */
  static double[] partial(
      float[][] rows, int offset, int first, int last, int columns, int d, boolean[] far) {
    int n = rows.length;
    // Chunks are formed a window at a time (in parallel) and summed in chunk order, so that only
    // a window of n × n chunk Gram matrices is ever held; each pair's sum is the same sequence of
    // additions.
    int window = Math.max(1, 2 * ForkJoinPool.getCommonPoolParallelism());
    double[] sum = new double[n * (n - 1) / 2];
    Deque<Workspace> pool = new ConcurrentLinkedDeque<>();
    try {
      for (int start = first; start < last; start += window) {
        int end = Math.min(last, start + window);
        float[][] grams = new float[end - start][];
        boolean[][] farByChunk = new boolean[end - start][];
        int base = start;
        IntStream range = IntStream.range(start, end);
        (end - start > 1 ? range.parallel() : range)
            .forEach(
                k -> {
                  // Off-heap buffers of our own, never in a workspace the calling thread may have
                  // open.
                  MemoryWorkspace outside = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces();
                  Workspace w = pool.poll();
                  try {
                    if (w == null) {
                      w = new Workspace(n, columns);
                    }
                    int from = k * columns;
                    int to = Math.min(d, from + columns);
                    farByChunk[k - base] = new boolean[n];
                    grams[k - base] =
                        w.gram(rows, from - offset, to - offset, farByChunk[k - base]);
                  } finally {
                    if (w != null) {
                      pool.push(w);
                    }
                    outside.close();
                  }
                });
        for (int c = 0; c < grams.length; c++) {
          float[] g = grams[c];
          int p = 0;
          for (int i = 0; i < n; i++) {
            far[i] |= farByChunk[c][i];
            for (int j = i + 1; j < n; j++) {
              sum[p++] += (double) g[i * n + i] + (double) g[j * n + j] - 2.0 * g[i * n + j];
            }
          }
        }
      }
    } finally {
      for (Workspace w : pool) {
        w.close();
      }
    }
    return sum;
  }

  /** The distances from the summed upper triangle and the far rows. */
  static Result finish(double[] sum, boolean[] far) {
    int n = far.length;
    double[][] squared = new double[n][n];
    int p = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double s;
        if (far[i] || far[j]) {
          s = Double.POSITIVE_INFINITY;
        } else {
          s = sum[p];
          // Rounding can make a tiny distance negative; an overflowed product makes it NaN.
          s = s != s ? Double.POSITIVE_INFINITY : Math.max(0, s);
        }
        p++;
        squared[i][j] = s;
        squared[j][i] = s;
      }
    }
    return new Result(squared, far);
  }

  /** One thread's off-heap buffers; used by one chunk at a time. */
  private static final class Workspace implements AutoCloseable {
    private final int n;
    private final int columns;
    private final INDArray x;
    private final INDArray gram;
    private INDArray tail;
    private final float[] line;
    private final double[] sampled;

    Workspace(int n, int columns) {
      this.n = n;
      this.columns = columns;
      this.x = Nd4j.createUninitialized(DataType.FLOAT, n, columns);
      this.gram = Nd4j.createUninitialized(DataType.FLOAT, n, n);
      this.line = new float[columns];
      this.sampled = new double[n];
    }

    /** The Gram matrix (row-major, n × n) of columns [from, to), centred; marks far rows. */
    float[] gram(float[][] rows, int from, int to, boolean[] far) {
      int len = to - from;
      INDArray a = x;
      if (len != columns) {
        if (tail == null || tail.size(1) != len) {
          if (tail != null) {
            tail.close();
          }
          tail = Nd4j.createUninitialized(DataType.FLOAT, n, len);
        }
        a = tail;
      }
      int ref = reference(rows, from, to);
      FloatPointer pointer = new FloatPointer(a.data().addressPointer());
      for (int i = 0; i < n; i++) {
        // A NaN or ±∞ here reaches the diagonal of the Gram matrix, which is how far rows are
        // found.
        float[] row = rows[i];
        if (ref < 0) {
          System.arraycopy(row, from, line, 0, len);
        } else {
          float[] centre = rows[ref];
          for (int j = 0; j < len; j++) {
            line[j] = row[from + j] - centre[from + j];
          }
        }
        pointer.position((long) i * len).put(line, 0, len);
      }
      Nd4j.gemm(a, a, gram, false, true, 1.0, 0.0);
      float[] g = new float[n * n];
      new FloatPointer(gram.data().addressPointer()).get(g);
      for (int i = 0; i < n; i++) {
        if (!Float.isFinite(g[i * n + i])) {
          far[i] = true;
        }
      }
      return g;
    }

    /**
     * The centring row of columns [from, to): among the rows finite there, the one of median
     * squared norm over every {@link #SAMPLE_STRIDE}-th column (lowest index among equals); -1 if
     * no row is finite.
     */
    private int reference(float[][] rows, int from, int to) {
      int finite = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        float[] row = rows[i];
        for (int j = from; j < to; j += SAMPLE_STRIDE) {
          s += (double) row[j] * row[j];
        }
        sampled[i] = Double.isFinite(s) ? s : Double.POSITIVE_INFINITY;
        finite += Double.isFinite(s) ? 1 : 0;
      }
      double[] sorted = sampled.clone();
      Arrays.sort(sorted);
      // Candidates from the median outwards, until one is finite over the whole chunk.
      int median = (finite - 1) / 2;
      for (int offset = 0; offset < finite; offset++) {
        for (int rank : new int[] {median - offset, median + offset}) {
          if (rank >= 0 && rank < finite) {
            for (int i = 0; i < n; i++) {
              if (sampled[i] == sorted[rank] && isFinite(rows[i], from, to)) {
                return i;
              }
            }
          }
        }
      }
      return -1;
    }

    private static boolean isFinite(float[] row, int from, int to) {
      float s = 0;
      for (int j = from; j < to; j++) {
        s += row[j] * 0f;
      }
      return s == 0;
    }

    @Override
    public void close() {
      x.close();
      gram.close();
      if (tail != null) {
        tail.close();
      }
    }
  }
}
