package org.ftsim.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/**
 * Cuts a report into its coordinate blocks, keyed by block number; a crashed worker's (null) report
 * has no blocks.
 */
final class BlockCut implements PairFlatMapFunction<Report, Integer, BlockSlice> {

  private static final long serialVersionUID = 1L;

  private final CoordinateSplit split;

  BlockCut(CoordinateSplit split) {
    this.split = split;
  }

  @Override
  public Iterator<Tuple2<Integer, BlockSlice>> call(Report r) {
    if (r.row() == null) {
      return List.<Tuple2<Integer, BlockSlice>>of().iterator();
    }
    List<Tuple2<Integer, BlockSlice>> out = new ArrayList<>(split.blocks());
    for (int b = 0; b < split.blocks(); b++) {
      byte[] bytes =
          Arrays.copyOfRange(r.row(), split.from(b) * Float.BYTES, split.to(b) * Float.BYTES);
      out.add(new Tuple2<>(b, new BlockSlice(r.worker(), bytes)));
    }
    return out.iterator();
  }
}
