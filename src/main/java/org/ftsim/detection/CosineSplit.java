package org.ftsim.detection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.ftsim.linalg.Vectors;

/**
 * Splits the reports in two by their directions and flags the smaller group when the split is
 * clear: average-linkage agglomerative clustering on the cosine distance 1 − cos(g_i, g_j) down to
 * two clusters; the strict minority is flagged when the split's mean silhouette (Rousseeuw 1987) is
 * at least {@code minSilhouette}. Reports with NaN or ±∞ are flagged outright and left out; a zero
 * report has cosine 0 with every report. Blind to a change of scale (cosine is), as FoolsGold-like
 * directional defenses are. The suspicion of a worker is its mean cosine distance to the larger
 * cluster (its other members, for one of them).
 */
public final class CosineSplit implements Detector {

  /** The silhouette a split needs to be believed. */
  public static final double DEFAULT_MIN_SILHOUETTE = 0.4;

  private final double minSilhouette;

  /** Flags the minority of a split whose mean silhouette is at least {@code minSilhouette}. */
  public CosineSplit(double minSilhouette) {
    if (!(minSilhouette >= -1 && minSilhouette <= 1)) {
      throw new IllegalArgumentException(
          "cosine-split silhouette must be in [-1, 1]; got " + minSilhouette);
    }
    this.minSilhouette = minSilhouette;
  }

  @Override
  public Detection detect(float[][] reports) {
    int n = reports.length;
    double[] suspicion = new double[n];
    boolean[] flagged = new boolean[n];
    Arrays.fill(suspicion, Double.NaN);
    List<Integer> live = new ArrayList<>();
    for (int w = 0; w < n; w++) {
      if (reports[w] == null) {
        continue;
      }
      if (!Vectors.allFinite(reports[w])) {
        suspicion[w] = Double.POSITIVE_INFINITY;
        flagged[w] = true;
      } else {
        live.add(w);
      }
    }
    int m = live.size();
    if (m == 0) {
      return new Detection(suspicion, flagged);
    }
    double[][] distance =
        cosineDistances(live.stream().map(w -> reports[w]).toArray(float[][]::new));
    boolean[] minority = m < 3 ? new boolean[m] : split(distance);
    int minorityCount = count(minority);
    boolean believe =
        minorityCount > 0
            && 2 * minorityCount < m
            && silhouette(distance, minority) >= minSilhouette;
    for (int i = 0; i < m; i++) {
      double sum = 0;
      int count = 0;
      for (int j = 0; j < m; j++) {
        if (j != i && !minority[j]) {
          sum += distance[i][j];
          count++;
        }
      }
      int w = live.get(i);
      suspicion[w] = count == 0 ? 0 : sum / count;
      flagged[w] = believe && minority[i];
    }
    return new Detection(suspicion, flagged);
  }

  /** 1 − cos between every two rows; a zero row has cosine 0 with every row. */
  static double[][] cosineDistances(float[][] rows) {
    int m = rows.length;
    double[] norm = new double[m];
    IntStream.range(0, m).parallel().forEach(i -> norm[i] = Vectors.norm(rows[i]));
    double[][] d = new double[m][m];
    IntStream.range(0, m * m)
        .parallel()
        .filter(p -> p / m < p % m)
        .forEach(
            p -> {
              int i = p / m;
              int j = p % m;
              double denominator = norm[i] * norm[j];
              double cos = denominator > 0 ? Vectors.dot(rows[i], rows[j]) / denominator : 0;
              d[i][j] = 1 - Math.max(-1, Math.min(1, cos));
              d[j][i] = d[i][j];
            });
    return d;
  }

  /**
   * Average-linkage agglomerative clustering down to two clusters (ties to the lowest indices);
   * returns the members of the smaller one (of the one without row 0 when they are equal).
   */
  static boolean[] split(double[][] distance) {
    int m = distance.length;
    List<List<Integer>> clusters = new ArrayList<>();
    for (int i = 0; i < m; i++) {
      clusters.add(new ArrayList<>(List.of(i)));
    }
    while (clusters.size() > 2) {
      int bestA = 0;
      int bestB = 1;
      double best = Double.POSITIVE_INFINITY;
      for (int a = 0; a < clusters.size(); a++) {
        for (int b = a + 1; b < clusters.size(); b++) {
          double link = meanDistance(distance, clusters.get(a), clusters.get(b));
          if (link < best) {
            best = link;
            bestA = a;
            bestB = b;
          }
        }
      }
      clusters.get(bestA).addAll(clusters.remove(bestB));
    }
    List<Integer> small =
        clusters.get(0).size() < clusters.get(1).size()
            ? clusters.get(0)
            : clusters.get(1).size() < clusters.get(0).size()
                ? clusters.get(1)
                : clusters.get(0).contains(0) ? clusters.get(1) : clusters.get(0);
    boolean[] minority = new boolean[m];
    small.forEach(i -> minority[i] = true);
    return minority;
  }

  /** The mean silhouette of the two-cluster split {@code inB} (a singleton's silhouette is 0). */
  static double silhouette(double[][] distance, boolean[] inB) {
    int m = distance.length;
    double total = 0;
    for (int i = 0; i < m; i++) {
      double same = 0;
      double other = 0;
      int sameCount = 0;
      int otherCount = 0;
      for (int j = 0; j < m; j++) {
        if (j == i) {
          continue;
        }
        if (inB[j] == inB[i]) {
          same += distance[i][j];
          sameCount++;
        } else {
          other += distance[i][j];
          otherCount++;
        }
      }
      if (sameCount == 0 || otherCount == 0) {
        continue;
      }
      double a = same / sameCount;
      double b = other / otherCount;
      double s = Math.max(a, b) > 0 ? (b - a) / Math.max(a, b) : 0;
      total += s;
    }
    return total / m;
  }

  private static double meanDistance(double[][] distance, List<Integer> a, List<Integer> b) {
    double sum = 0;
    for (int i : a) {
      for (int j : b) {
        sum += distance[i][j];
      }
    }
    return sum / (a.size() * (double) b.size());
  }

  private static int count(boolean[] flags) {
    int c = 0;
    for (boolean f : flags) {
      c += f ? 1 : 0;
    }
    return c;
  }

  @Override
  public String toString() {
    return "cosine-split:silhouette=" + minSilhouette;
  }
}
