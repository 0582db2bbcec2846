package org.ftsim.aggregation;

import java.io.Serializable;
import java.util.TreeMap;

/**
 * How {@link PairwiseDistances} cuts the d coordinates of n rows, shared with the executors ({@code
 * --aggregate-on executors}) so that both sum the same numbers in the same order: chunks of {@code
 * columns} coordinates (a width that depends only on n), grouped into groups of whole chunks of
 * about {@link #GROUP_ELEMENTS} floats of every row. A group's partial is the sum of its chunks'
 * contributions in chunk order; the distances are the groups' partials added in group order. An
 * executor task that holds group g's coordinates of every row computes exactly the partial the
 * driver would, so the driver, adding the partials in group order, gets the distances bit for bit.
 *
 * @param n the number of rows
 * @param d the number of coordinates
 * @param columns the coordinates of one chunk
 * @param perGroup the chunks of one group
 */
public record DistanceBlocks(int n, int d, int columns, int perGroup) implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Target floats (n × coordinates) of one group: 32 MB, as the executors' coordinate blocks. */
  static final long GROUP_ELEMENTS = 8L << 20;

  /**
   * One group's partial distances and far rows.
   *
   * @param sum per pair i < j, row-major over the upper triangle, the group's Σ (G_ii + G_jj − 2
   *     G_ij) over its chunks in order
   * @param far per row, whether it is non-finite in the group (NaN, ±∞, or an overflowed norm)
   */
  public record Partial(double[] sum, boolean[] far) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The cut of d coordinates of n rows. */
  public static DistanceBlocks of(int n, int d) {
    int columns =
        Math.min(
            Math.max(1, d),
            Math.max(PairwiseDistances.MIN_CHUNK_COLUMNS, PairwiseDistances.CHUNK_ELEMENTS / n));
    long chunkElements = (long) n * columns;
    int perGroup = (int) Math.max(1, GROUP_ELEMENTS / chunkElements);
    return new DistanceBlocks(n, d, columns, perGroup);
  }

  /** The number of chunks. */
  int chunks() {
    return d == 0 ? 0 : (d + columns - 1) / columns;
  }

  /** The number of groups. */
  public int groups() {
    return (chunks() + perGroup - 1) / perGroup;
  }

  /** The coordinates of one group (the last may have fewer). */
  public int groupWidth() {
    return (int) Math.min(d, (long) columns * perGroup);
  }

  /** The first coordinate of group g. */
  public int from(int g) {
    return (int) Math.min(d, (long) g * columns * perGroup);
  }

  /** One past the last coordinate of group g. */
  public int to(int g) {
    return (int) Math.min(d, (long) (g + 1) * columns * perGroup);
  }

  /**
   * Group g's partial over {@code rows}, whose arrays hold the coordinates from {@code offset} on
   * (0 for whole rows, {@link #from}(g) for the group's block alone).
   */
  public Partial partial(float[][] rows, int offset, int g) {
    if (rows.length != n) {
      throw new IllegalArgumentException("expected " + n + " rows, got " + rows.length);
    }
    boolean[] far = new boolean[n];
    int first = g * perGroup;
    int last = Math.min(chunks(), first + perGroup);
    double[] sum = PairwiseDistances.partial(rows, offset, first, last, columns, d, far);
    return new Partial(sum, far);
  }

  /**
   * Adds the groups' partials in group order whatever the order they come in (holding those that
   * come early), into the distances {@link PairwiseDistances} gives on the whole rows.
   */
  public final class Sum {

    private final TreeMap<Integer, Partial> early = new TreeMap<>();
    private final boolean[] far = new boolean[n];
    private double[] sum;
    private int next;

    /** Adds group g's partial (each group once). */
    public void add(int g, Partial partial) {
      if (g < next || early.containsKey(g) || g >= groups()) {
        throw new IllegalArgumentException("group " + g + " twice or out of range");
      }
      early.put(g, partial);
      while (early.containsKey(next)) {
        sum = DistanceBlocks.add(sum, far, early.remove(next));
        next++;
      }
    }

    /** The rows non-finite in some group, once every group's partial is in. */
    public boolean[] far() {
      if (next != groups()) {
        throw new IllegalStateException(next + " of " + groups() + " groups' partials summed");
      }
      return far.clone();
    }

    /** The squared distances, once every group's partial is in. */
    public double[][] squared() {
      if (next != groups()) {
        throw new IllegalStateException(next + " of " + groups() + " groups' partials summed");
      }
      return PairwiseDistances.finish(sum == null ? new double[n * (n - 1) / 2] : sum, far)
          .squared();
    }
  }

  /** An empty {@link Sum}. */
  public Sum sum() {
    return new Sum();
  }

  /**
   * Adds {@code partial} to the running {@code sum} (null before the first group, whose partial
   * then becomes the sum as it is) and its far rows to {@code far}; returns the sum.
   */
  static double[] add(double[] sum, boolean[] far, Partial partial) {
    for (int i = 0; i < far.length; i++) {
      far[i] |= partial.far()[i];
    }
    if (sum == null) {
      return partial.sum();
    }
    double[] s = partial.sum();
    for (int p = 0; p < s.length; p++) {
      sum[p] += s[p];
    }
    return sum;
  }
}
