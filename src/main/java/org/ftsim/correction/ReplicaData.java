package org.ftsim.correction;

import java.io.Serializable;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The replica pairs of a phase written as Parquet for offline study ({@code --data_coll_path}, the
 * prototype's pickled data collection): one row per (worker, step, coordinate) with the worker's
 * corrupted value and the true value it should have reported. The gradients are broadcast once and
 * each record's rows are built on an executor, one partition per record.
 */
public final class ReplicaData {

  /** The table's columns. */
  public static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("worker", DataTypes.IntegerType, false),
            DataTypes.createStructField("step", DataTypes.IntegerType, false),
            DataTypes.createStructField("coordinate", DataTypes.IntegerType, false),
            DataTypes.createStructField("faulty", DataTypes.FloatType, false),
            DataTypes.createStructField("true", DataTypes.FloatType, false)
          });

  /**
   * One replica pair: what faulty {@code worker} reported at {@code step} on a healthy worker's
   * sub-batch, and that worker's true gradient.
   */
  public record Record(int worker, int step, float[] faulty, float[] honest)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  private ReplicaData() {}

  /**
   * Writes {@code records} to {@code path} (any Hadoop path; it must not exist) and returns the
   * number of rows written.
   */
  public static long write(SparkSession spark, String path, List<Record> records) {
    if (records.isEmpty()) { // every faulty worker crashed: an empty table says so
      spark.createDataFrame(List.of(), SCHEMA).write().mode(SaveMode.ErrorIfExists).parquet(path);
      return 0;
    }
    JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
    Broadcast<List<Record>> shared = context.broadcast(List.copyOf(records));
    try {
      JavaRDD<Row> rows =
          context
              .parallelize(IntStream.range(0, records.size()).boxed().toList(), records.size())
              .flatMap(new RecordRows(shared));
      spark.createDataFrame(rows, SCHEMA).write().mode(SaveMode.ErrorIfExists).parquet(path);
    } finally {
      shared.destroy();
    }
    return records.stream().mapToLong(r -> r.faulty().length).sum();
  }

  /** The rows of one record. */
  private static final class RecordRows implements FlatMapFunction<Integer, Row> {
    private static final long serialVersionUID = 1L;

    private final Broadcast<List<Record>> records;

    RecordRows(Broadcast<List<Record>> records) {
      this.records = records;
    }

    @Override
    public Iterator<Row> call(Integer index) {
      Record r = records.value().get(index);
      return new Iterator<>() {
        private int j;

        @Override
        public boolean hasNext() {
          return j < r.faulty().length;
        }

        @Override
        public Row next() {
          if (j >= r.faulty().length) {
            throw new NoSuchElementException();
          }
          Row row = RowFactory.create(r.worker(), r.step(), j, r.faulty()[j], r.honest()[j]);
          j++;
          return row;
        }
      };
    }
  }
}
