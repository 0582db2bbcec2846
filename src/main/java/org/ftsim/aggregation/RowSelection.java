package org.ftsim.aggregation;

/**
 * A rule that decides from the rows' pairwise squared distances alone how to combine them, then
 * combines them coordinate by coordinate (Krum, Multi-Krum, Bulyan choose rows; the geometric
 * median weighs them): the two halves can run apart, the distances summed from per-block partials
 * ({@link DistanceBlocks}) and the combination done block by block ({@code --aggregate-on
 * executors}), with the whole-matrix rule's result bit for bit.
 */
public interface RowSelection {

  /**
   * How the n rows whose squared distances are {@code squared} (n × n; {@code far} the non-finite
   * rows, as {@link PairwiseDistances} finds them) combine; throws {@link IllegalArgumentException}
   * when n does not satisfy the rule's precondition.
   */
  BlockCombination plan(double[][] squared, boolean[] far);

  /**
   * The point this rule adds after the rows before their distances are taken (centered clipping's
   * centre), for rows of d coordinates; null for none. {@link #plan} then gets the distances of the
   * n rows and this point, and its combination the rows and this point's block.
   */
  default Anchor anchor(int d) {
    return null;
  }

  /** Takes the aggregate of a step planned here, for the state carried to the next step. */
  default void completed(float[] aggregate) {}

  /**
   * An added point: {@code vector} as it is, or, when {@code median}, the coordinate-wise median of
   * the rows ({@link CenteredClipping#startingCentre}).
   *
   * @param vector the point's d coordinates, or null
   * @param median whether the point is the rows' coordinate-wise median
   */
  record Anchor(float[] vector, boolean median) {

    /** The point over {@code rows} (every row, whole or one block of their coordinates). */
    public static float[] median(float[][] rows) {
      return CenteredClipping.startingCentre(rows);
    }
  }

  /** Whether {@link #plan} reads the distances of n rows (false: it keeps every row). */
  default boolean needsDistances(int n) {
    return true;
  }

  /** How the chosen rows combine: each a function of one coordinate of the chosen rows. */
  enum Combine {
    /** The one chosen row, as it is (Krum). */
    COPY,
    /** The float mean of the chosen rows ({@link Rows#mean}). */
    MEAN,
    /** Per coordinate, the mean of the {@code keep} chosen values closest to their median. */
    CLOSEST_TO_MEDIAN
  }

  /**
   * The chosen rows and their combination.
   *
   * @param chosen per row, whether it was chosen
   * @param kept k
   * @param combine how the chosen rows combine
   * @param keep the values kept per coordinate ({@link Combine#CLOSEST_TO_MEDIAN} only)
   */
  record Selection(boolean[] chosen, int kept, Combine combine, int keep, double[] scores)
      implements BlockCombination {

    private static final long serialVersionUID = 1L;

    /** Without scores. */
    Selection(boolean[] chosen, int kept, Combine combine, int keep) {
      this(chosen, kept, combine, keep, null);
    }

    /** Every one of n rows, averaged. */
    static Selection all(int n) {
      boolean[] all = new boolean[n];
      java.util.Arrays.fill(all, true);
      return new Selection(all, n, Combine.MEAN, 0);
    }

    @Override
    public Aggregation apply(float[][] rows) {
      int d = Rows.requireMatrix(rows);
      if (rows.length != chosen.length) {
        throw new IllegalArgumentException(
            "selected among " + chosen.length + " rows, given " + rows.length);
      }
      Aggregation a =
          switch (combine) {
            case COPY -> {
              int i = first(chosen);
              yield new Aggregation(Rows.copy(rows, i), kept, Rows.mask(rows.length, i));
            }
            case MEAN -> new Aggregation(Rows.mean(rows, chosen), kept, chosen.clone());
            case CLOSEST_TO_MEDIAN -> MeaMed.closestToMedian(rows, members(chosen), keep, d);
          };
      return scores == null ? a : a.withScores(scores.clone());
    }

    private static int first(boolean[] mask) {
      for (int i = 0; i < mask.length; i++) {
        if (mask[i]) {
          return i;
        }
      }
      throw new IllegalArgumentException("no row chosen");
    }

    private static int[] members(boolean[] mask) {
      int[] out = new int[Rows.count(mask)];
      for (int i = 0, p = 0; i < mask.length; i++) {
        if (mask[i]) {
          out[p++] = i;
        }
      }
      return out;
    }
  }
}
