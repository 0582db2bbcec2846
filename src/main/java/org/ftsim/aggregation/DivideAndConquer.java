package org.ftsim.aggregation;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.ftsim.base.Seeds;
import org.ftsim.linalg.SymmetricEigen;
import org.ftsim.linalg.Vectors;

/**
 * Divide-and-conquer (DnC): in each of T rounds, sample b coordinates at random, centre the
 * sub-vectors on their mean, score each row by its squared projection on the top right singular
 * vector, s_i = ((x_i − μ)·v)², and keep the n − ⌊c·f⌋ lowest scores; the result is the mean of the
 * rows kept in every round.
 *
 * <p>The top singular vector comes from the n × n Gram matrix G of the centred sub-vectors ({@link
 * SymmetricEigen}): with G u = λ u, s_i = λ u_i², so d never enters beyond the sampled columns.
 * Round r of the t-th call (t = 0, 1, ...) samples its columns from the stream {@code (seed, DNC,
 * t, r)} of {@link Seeds}; the call counter is state (one instance per run, {@link #reset()}
 * restarts it). Rows with a non-finite coordinate are never kept and are left out of μ and G. If no
 * row survives every round (possible when T·⌊c·f⌋ ≥ n), the rows kept in the most rounds are
 * averaged. Precondition n > 2f; f = 0 is the exact {@link Mean}. k is the number of rows averaged;
 * each row's score is its s_i averaged over the rounds. Shejwalkar, Houmansadr, "Manipulating the
 * Byzantine: optimizing model poisoning attacks and defenses for federated learning", NDSS 2021;
 * defaults b = 10,000, T = 5, c = 1 as in Blades' {@code DnC}.
 */
public final class DivideAndConquer implements Aggregator {

  /** b, the sampled coordinates per round. */
  public static final int DEFAULT_SUBSAMPLE = 10_000;

  /** T, the rounds. */
  public static final int DEFAULT_ROUNDS = 5;

  /** c, the filtering fraction: ⌊c·f⌋ rows are dropped per round. */
  public static final double DEFAULT_FILTER_FRACTION = 1.0;

  /** The {@link Seeds} stream tag of the sampled coordinates. */
  public static final long DNC = 0x444E43L;

  private final int tolerated;
  private final int subsample;
  private final int rounds;
  private final double filterFraction;
  private final long seed;
  private long calls;

  /** DnC for f = {@code tolerated}, b = subsample, T = rounds, c = filterFraction. */
  public DivideAndConquer(
      int tolerated, int subsample, int rounds, double filterFraction, long seed) {
    this.tolerated = Feasibility.nonNegative("tolerated f", tolerated);
    if (subsample < 1 || rounds < 1) {
      throw new IllegalArgumentException(
          "dnc needs dim >= 1 and iters >= 1; got dim=" + subsample + ", iters=" + rounds);
    }
    if (!(filterFraction >= 0) || filterFraction * tolerated >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("dnc c must be >= 0; got " + filterFraction);
    }
    this.subsample = subsample;
    this.rounds = rounds;
    this.filterFraction = filterFraction;
    this.seed = seed;
  }

  @Override
  public void checkFeasible(int n) {
    Feasibility.honestMajority("dnc", n, tolerated);
    int removed = (int) Math.floor(filterFraction * tolerated);
    Feasibility.require(removed < n, "dnc", "n > floor(c·f)", n, "f", tolerated);
  }

  @Override
  public int tolerated() {
    return tolerated;
  }

  @Override
  public void reset() {
    calls = 0;
  }

  @Override
  public CarriedState state() {
    return new CarriedState(calls, null);
  }

  @Override
  public void restore(CarriedState state) {
    calls = state.calls();
  }

  @Override
  public Aggregation aggregate(float[][] gradients) {
    int d = Rows.requireMatrix(gradients);
    int n = gradients.length;
    checkFeasible(n);
    long call = calls++;
    if (tolerated == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    boolean[] finite = new boolean[n];
    IntStream.range(0, n).parallel().forEach(i -> finite[i] = Vectors.allFinite(gradients[i]));
    if (Rows.count(finite) == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    int keep = n - (int) Math.floor(filterFraction * tolerated);
    int[] votes = new int[n];
    double[] meanScores = new double[n];
    for (int r = 0; r < rounds; r++) {
      int[] columns = sample(d, subsample, Seeds.random(seed, DNC, call, r));
      double[] scores = scores(gradients, finite, columns);
      for (int i = 0; i < n; i++) {
        meanScores[i] += scores[i] / rounds;
      }
      int[] order = Krum.orderByScore(scores);
      for (int p = 0; p < keep; p++) {
        if (finite[order[p]]) {
          votes[order[p]]++;
        }
      }
    }
    int most = Arrays.stream(votes).max().orElse(0);
    if (most == 0) {
      return Aggregation.ofAll(Rows.mean(gradients, null), n);
    }
    boolean[] used = new boolean[n];
    for (int i = 0; i < n; i++) {
      used[i] = votes[i] == most;
    }
    return Aggregation.selected(Rows.mean(gradients, used), Rows.count(used), used, meanScores);
  }

  /**
   * s_i = ((x_i − μ)·v)² on the given columns, over the finite rows (+∞ for the others), with v the
   * top right singular vector of the centred sub-matrix.
   */
  static double[] scores(float[][] rows, boolean[] finite, int[] columns) {
    int n = rows.length;
    int[] live = Arrays.stream(CoordinateUse.all(n)).filter(i -> finite[i]).toArray();
    int m = live.length;
    int b = columns.length;
    // Each row's sampled columns in increasing order (a forward stream through the row), rows in
    // parallel; then the column means, summed in row order.
    double[][] centred = new double[m][b];
    IntStream.range(0, m)
        .parallel()
        .forEach(
            p -> {
              float[] row = rows[live[p]];
              double[] out = centred[p];
              for (int j = 0; j < b; j++) {
                out[j] = row[columns[j]];
              }
            });
    double[] mean = new double[b];
    for (int p = 0; p < m; p++) {
      for (int j = 0; j < b; j++) {
        mean[j] += centred[p][j];
      }
    }
    for (int j = 0; j < b; j++) {
      mean[j] /= m;
    }
    for (int p = 0; p < m; p++) {
      for (int j = 0; j < b; j++) {
        centred[p][j] -= mean[j];
      }
    }
    double[][] gram = new double[m][m];
    for (int p = 0; p < m; p++) {
      for (int q = p; q < m; q++) {
        double s = 0;
        for (int j = 0; j < b; j++) {
          s += centred[p][j] * centred[q][j];
        }
        gram[p][q] = s;
        gram[q][p] = s;
      }
    }
    double[] scores = new double[n];
    Arrays.fill(scores, Double.POSITIVE_INFINITY);
    SymmetricEigen.Pair top = SymmetricEigen.largest(gram);
    for (int p = 0; p < m; p++) {
      double u = top.vector()[p];
      scores[live[p]] = Math.max(0, top.value()) * u * u;
    }
    return scores;
  }

  /** b distinct columns of d (all of them if b ≥ d), by a partial Fisher–Yates shuffle, sorted. */
  static int[] sample(int d, int b, SplittableRandom random) {
    if (b >= d) {
      return CoordinateUse.all(d);
    }
    int[] p = CoordinateUse.all(d);
    for (int i = 0; i < b; i++) {
      int j = i + random.nextInt(d - i);
      int t = p[i];
      p[i] = p[j];
      p[j] = t;
    }
    int[] chosen = Arrays.copyOf(p, b);
    Arrays.sort(chosen);
    return chosen;
  }

  @Override
  public String toString() {
    return "dnc:dim=" + subsample + ",iters=" + rounds + ",c=" + filterFraction;
  }
}
