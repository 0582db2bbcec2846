package org.ftsim.correction;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.ml.linalg.SQLDataTypes;
import org.apache.spark.ml.linalg.Vectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A DataFrame (features: vector of one x', label: y') of coordinate pairs, for MLlib. The two
 * columns are broadcast once and each of the default-parallelism partitions builds its slice of
 * rows on its executor, so no task carries the data (a parallelized collection would put megabytes
 * in every task). Closing destroys the broadcasts.
 */
final class CoordinateFrame implements AutoCloseable {

  static final String FEATURES = "features";
  static final String LABEL = "label";

  private static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField(FEATURES, SQLDataTypes.VectorType(), false),
            DataTypes.createStructField(LABEL, DataTypes.DoubleType, false)
          });

  private final Broadcast<double[]> xs;
  private final Broadcast<double[]> ys;
  private final Dataset<Row> frame;

  /** The frame of pairs (x[i], y[i]); both arrays of the same length. */
  CoordinateFrame(SparkSession spark, double[] x, double[] y) {
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int slices = Math.max(1, Math.min(context.defaultParallelism(), x.length));
    List<Integer> sliceIds = new ArrayList<>(slices);
    for (int s = 0; s < slices; s++) {
      sliceIds.add(s);
    }
    this.xs = context.broadcast(x);
    this.ys = context.broadcast(y);
    JavaRDD<Row> rows =
        context.parallelize(sliceIds, slices).flatMap(new SliceRows(xs, ys, slices));
    this.frame = spark.createDataFrame(rows, SCHEMA);
  }

  Dataset<Row> frame() {
    return frame;
  }

  @Override
  public void close() {
    xs.destroy();
    ys.destroy();
  }

  /** Slice s of S holds rows [n·s/S, n·(s+1)/S). */
  private static final class SliceRows implements FlatMapFunction<Integer, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<double[]> xs;
    private final Broadcast<double[]> ys;
    private final int slices;

    SliceRows(Broadcast<double[]> xs, Broadcast<double[]> ys, int slices) {
      this.xs = xs;
      this.ys = ys;
      this.slices = slices;
    }

    @Override
    public Iterator<Row> call(Integer slice) {
      double[] x = xs.value();
      double[] y = ys.value();
      int from = (int) ((long) x.length * slice / slices);
      int to = (int) ((long) x.length * (slice + 1) / slices);
      return new Iterator<>() {
        private int i = from;

        @Override
        public boolean hasNext() {
          return i < to;
        }

        @Override
        public Row next() {
          if (i >= to) {
            throw new NoSuchElementException();
          }
          Row row = RowFactory.create(Vectors.dense(x[i]), y[i]);
          i++;
          return row;
        }
      };
    }
  }
}
