package org.ftsim.spark;

import java.io.Serializable;
import java.util.Arrays;
import org.apache.spark.broadcast.Broadcast;
import org.ftsim.aggregation.RowSelection;

/**
 * The point a distance-based rule adds after the rows (centered clipping's centre, {@link
 * RowSelection#anchor}), as a reduce task of aggregation on the executors gets its block: from the
 * broadcast vector, or as the block's coordinate-wise median of the rows.
 *
 * @param vector the point's little-endian float bytes, or null
 * @param median whether the point is the rows' coordinate-wise median
 */
record AnchorBlock(Broadcast<byte[]> vector, boolean median) implements Serializable {

  /** The rows of coordinates [from, to) and, last, the point's block. */
  float[][] append(float[][] rows, int from, int to) {
    float[][] out = Arrays.copyOf(rows, rows.length + 1);
    out[rows.length] =
        median
            ? RowSelection.Anchor.median(rows)
            : FloatBytes.decode(
                Arrays.copyOfRange(vector.value(), from * Float.BYTES, to * Float.BYTES));
    return out;
  }
}
