package org.ftsim.aggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Straightforward reference implementations in double, with nested loops and full sorts, straight
 * from the papers' definitions: the oracles the fast rules are compared with.
 */
final class BruteForce {

  private BruteForce() {}

  static double squaredDistance(float[] a, float[] b) {
    double s = 0;
    for (int j = 0; j < a.length; j++) {
      double t = (double) a[j] - (double) b[j];
      s += t * t;
    }
    return s;
  }

  /** Σ of the q smallest squared distances from row i to the other rows in {@code among}. */
  static double krumScore(float[][] rows, int i, List<Integer> among, int q) {
    List<Double> ds = new ArrayList<>();
    for (int j : among) {
      if (j != i) {
        ds.add(squaredDistance(rows[i], rows[j]));
      }
    }
    ds.sort(Comparator.naturalOrder());
    double s = 0;
    for (int r = 0; r < Math.min(q, ds.size()); r++) {
      s += ds.get(r);
    }
    return s;
  }

  static List<Integer> all(int n) {
    List<Integer> l = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      l.add(i);
    }
    return l;
  }

  /**
   * Blanchard et al. 2017: argmin of the score over n − f − 2 neighbours; ties by the sum of all
   * distances, then the lower index.
   */
  static int krum(float[][] rows, int f) {
    int n = rows.length;
    int best = -1;
    double bestScore = Double.POSITIVE_INFINITY;
    double bestTotal = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      double s = krumScore(rows, i, all(n), n - f - 2);
      double t = krumScore(rows, i, all(n), n);
      if (best < 0 || s < bestScore || (s == bestScore && t < bestTotal)) {
        best = i;
        bestScore = s;
        bestTotal = t;
      }
    }
    return best;
  }

  /** The m rows of smallest Krum score. */
  static boolean[] multiKrum(float[][] rows, int f, int m) {
    int n = rows.length;
    Integer[] order = new Integer[n];
    double[] scores = new double[n];
    double[] totals = new double[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      scores[i] = krumScore(rows, i, all(n), n - f - 2);
      totals[i] = krumScore(rows, i, all(n), n);
    }
    Arrays.sort(
        order,
        Comparator.comparingDouble((Integer i) -> scores[i])
            .thenComparingDouble(i -> totals[i])
            .thenComparing(i -> i));
    boolean[] keep = new boolean[n];
    for (int r = 0; r < m; r++) {
      keep[order[r]] = true;
    }
    return keep;
  }

  /** El Mhamdi et al. 2018: iterated Krum selects θ = n − 2f rows; β = θ − 2f around the median. */
  static double[] bulyan(float[][] rows, int f, List<Integer> selectedOut) {
    int n = rows.length;
    int theta = n - 2 * f;
    int beta = theta - 2 * f;
    List<Integer> remaining = all(n);
    List<Integer> selected = new ArrayList<>();
    for (int s = 0; s < theta; s++) {
      int best = -1;
      double bestScore = Double.POSITIVE_INFINITY;
      double bestTotal = Double.POSITIVE_INFINITY;
      for (int i : remaining) {
        double score = krumScore(rows, i, remaining, Math.max(0, remaining.size() - f - 2));
        double total = krumScore(rows, i, remaining, n);
        if (best < 0 || score < bestScore || (score == bestScore && total < bestTotal)) {
          best = i;
          bestScore = score;
          bestTotal = total;
        }
      }
      remaining.remove(Integer.valueOf(best));
      selected.add(best);
    }
    selectedOut.addAll(selected);
    int d = rows[0].length;
    double[] out = new double[d];
    for (int j = 0; j < d; j++) {
      double[] v = new double[theta];
      for (int r = 0; r < theta; r++) {
        v[r] = rows[selected.get(r)][j];
      }
      out[j] = meanClosestToMedian(v, beta);
    }
    return out;
  }

  /** The mean of the keep values closest to the median (ties: lower value first), by sorting. */
  static double meanClosestToMedian(double[] values, int keep) {
    double[] v = values.clone();
    Arrays.sort(v);
    int n = v.length;
    double m = (n % 2 == 1) ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    Double[] boxed = new Double[n];
    for (int i = 0; i < n; i++) {
      boxed[i] = v[i];
    }
    Arrays.sort(
        boxed, Comparator.comparingDouble((Double x) -> Math.abs(x - m)).thenComparing(x -> x));
    double s = 0;
    for (int r = 0; r < keep; r++) {
      s += boxed[r];
    }
    return s / keep;
  }

  /**
   * Allouah et al. 2023: each row becomes the mean of its n − f nearest rows (ties: lower index).
   */
  static double[][] nnm(float[][] rows, int f) {
    int n = rows.length;
    int d = rows[0].length;
    double[][] out = new double[n][d];
    for (int i = 0; i < n; i++) {
      int me = i;
      Integer[] order = new Integer[n];
      for (int j = 0; j < n; j++) {
        order[j] = j;
      }
      Arrays.sort(
          order,
          Comparator.comparingDouble((Integer j) -> squaredDistance(rows[me], rows[j]))
              .thenComparing(j -> j));
      for (int r = 0; r < n - f; r++) {
        for (int j = 0; j < d; j++) {
          out[i][j] += rows[order[r]][j];
        }
      }
      for (int j = 0; j < d; j++) {
        out[i][j] /= n - f;
      }
    }
    return out;
  }

  /** Smoothed Weiszfeld in coordinates, from the mean. */
  static double[] weiszfeld(float[][] rows, double nu, int iterations) {
    double[][] x = Gradients.toDouble(rows);
    int n = x.length;
    int d = x[0].length;
    double[] z = new double[d];
    for (double[] row : x) {
      for (int j = 0; j < d; j++) {
        z[j] += row[j] / n;
      }
    }
    for (int t = 0; t < iterations; t++) {
      double[] next = new double[d];
      double total = 0;
      for (double[] row : x) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (row[j] - z[j]) * (row[j] - z[j]);
        }
        double beta = 1 / Math.max(nu, Math.sqrt(s));
        total += beta;
        for (int j = 0; j < d; j++) {
          next[j] += beta * row[j];
        }
      }
      for (int j = 0; j < d; j++) {
        next[j] /= total;
      }
      z = next;
    }
    return z;
  }

  /** Karimireddy et al. 2021 centered clipping in coordinates, from {@code centre}. */
  static double[] centeredClipping(float[][] rows, double[] centre, double tau, int iterations) {
    double[][] x = Gradients.toDouble(rows);
    int n = x.length;
    int d = centre.length;
    double[] v = centre.clone();
    for (int l = 0; l < iterations; l++) {
      double[] step = new double[d];
      for (double[] row : x) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += (row[j] - v[j]) * (row[j] - v[j]);
        }
        double norm = Math.sqrt(s);
        double c = norm <= tau ? 1 : tau / norm;
        for (int j = 0; j < d; j++) {
          step[j] += c * (row[j] - v[j]) / n;
        }
      }
      for (int j = 0; j < d; j++) {
        v[j] += step[j];
      }
    }
    return v;
  }

  /** Every subset of {@code size} of 0..n−1, in lexicographic order (as itertools.combinations). */
  static List<int[]> combinations(int n, int size) {
    List<int[]> out = new ArrayList<>();
    int[] c = new int[size];
    for (int i = 0; i < size; i++) {
      c[i] = i;
    }
    while (true) {
      out.add(c.clone());
      int i = size - 1;
      while (i >= 0 && c[i] == n - size + i) {
        i--;
      }
      if (i < 0) {
        return out;
      }
      c[i]++;
      for (int j = i + 1; j < size; j++) {
        c[j] = c[j - 1] + 1;
      }
    }
  }

  /**
   * ByzFL's MDA: over all subsets of n − f in lexicographic order, the first of smallest diameter
   * (max pairwise distance, in double); returns its indices.
   */
  static int[] mdaSubset(float[][] rows, int f) {
    int n = rows.length;
    double[][] squared = new double[n][n];
    for (int a = 0; a < n; a++) {
      for (int b = 0; b < n; b++) {
        squared[a][b] = squaredDistance(rows[a], rows[b]);
      }
    }
    int[] best = null;
    double bestDiameter = Double.POSITIVE_INFINITY;
    for (int[] s : combinations(rows.length, rows.length - f)) {
      double diameter = 0;
      for (int a : s) {
        for (int b : s) {
          diameter = Math.max(diameter, squared[a][b]);
        }
      }
      if (best == null || diameter < bestDiameter) {
        best = s;
        bestDiameter = diameter;
      }
    }
    return best;
  }

  /**
   * ByzFL's SMEA with the eigenvalue converged: over all subsets of n − f in lexicographic order,
   * the first whose scatter Σ (x_i − μ)(x_i − μ)ᵀ has the smallest largest eigenvalue, found by 300
   * power iterations in coordinates (d-vectors, never the n × n Gram matrix); returns its indices.
   */
  static int[] smeaSubset(float[][] rows, int f) {
    int d = rows[0].length;
    int[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int[] s : combinations(rows.length, rows.length - f)) {
      double[][] y = new double[s.length][d];
      for (int j = 0; j < d; j++) {
        double mean = 0;
        for (int a : s) {
          mean += rows[a][j];
        }
        mean /= s.length;
        for (int p = 0; p < s.length; p++) {
          y[p][j] = rows[s[p]][j] - mean;
        }
      }
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        v[j] = 1 + 0.01 * j;
      }
      double value = 0;
      for (int t = 0; t < 300; t++) {
        double[] w = new double[d];
        for (double[] yi : y) {
          double dot = 0;
          for (int j = 0; j < d; j++) {
            dot += yi[j] * v[j];
          }
          for (int j = 0; j < d; j++) {
            w[j] += dot * yi[j];
          }
        }
        double norm = 0;
        double rayleigh = 0;
        for (int j = 0; j < d; j++) {
          norm += w[j] * w[j];
          rayleigh += w[j] * v[j];
        }
        double vv = 0;
        for (int j = 0; j < d; j++) {
          vv += v[j] * v[j];
        }
        value = rayleigh / vv;
        norm = Math.sqrt(norm);
        if (norm == 0) {
          break;
        }
        for (int j = 0; j < d; j++) {
          v[j] = w[j] / norm;
        }
      }
      if (best == null || value < bestValue) {
        best = s;
        bestValue = value;
      }
    }
    return best;
  }

  /**
   * ByzFL's CAF in coordinates, with the top eigenpair of the d × d weighted covariance found by
   * 5000 power iterations (no Gram matrix): c = 1; while Σc > n − 2f (at least once): μ_c, Σ_c, (λ,
   * v), τ_i = ((x_i − μ_c)·v)², c_i ← c_i(1 − τ_i / max_{c_j > 0} τ_j); returns the μ_c of smallest
   * λ.
   */
  static double[] caf(float[][] rows, int f) {
    int n = rows.length;
    int d = rows[0].length;
    double[] c = new double[n];
    Arrays.fill(c, 1);
    double[] best = null;
    double bestValue = Double.POSITIVE_INFINITY;
    for (int iteration = 0; iteration <= n; iteration++) {
      double total = 0;
      for (double w : c) {
        total += w;
      }
      if (iteration > 0 && total <= n - 2 * f) {
        break;
      }
      double[] mu = new double[d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          mu[j] += c[i] * rows[i][j] / total;
        }
      }
      double[][] y = new double[n][d];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < d; j++) {
          y[i][j] = rows[i][j] - mu[j];
        }
      }
      double[] v = new double[d];
      for (int j = 0; j < d; j++) {
        v[j] = 1 + 0.37 * j;
      }
      double value = 0;
      for (int t = 0; t < 5000; t++) {
        double[] w = new double[d];
        for (int i = 0; i < n; i++) {
          double dot = 0;
          for (int j = 0; j < d; j++) {
            dot += y[i][j] * v[j];
          }
          for (int j = 0; j < d; j++) {
            w[j] += c[i] * dot * y[i][j] / total;
          }
        }
        double norm = 0;
        double vv = 0;
        double vw = 0;
        for (int j = 0; j < d; j++) {
          norm += w[j] * w[j];
          vv += v[j] * v[j];
          vw += v[j] * w[j];
        }
        value = vw / vv;
        norm = Math.sqrt(norm);
        if (norm == 0) {
          break;
        }
        for (int j = 0; j < d; j++) {
          v[j] = w[j] / norm;
        }
      }
      if (best == null || value < bestValue) {
        best = mu;
        bestValue = value;
      }
      double[] tau = new double[n];
      double tauMax = 0;
      for (int i = 0; i < n; i++) {
        double dot = 0;
        for (int j = 0; j < d; j++) {
          dot += y[i][j] * v[j];
        }
        tau[i] = dot * dot;
        if (c[i] > 0) {
          tauMax = Math.max(tauMax, tau[i]);
        }
      }
      if (!(value > 0) || !(tauMax > 0)) {
        break;
      }
      for (int i = 0; i < n; i++) {
        if (c[i] > 0) {
          c[i] *= Math.max(0, 1 - tau[i] / tauMax);
        }
      }
    }
    return best;
  }
}
