package org.ftsim.correction;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
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

  /**
   * Reads a table that {@link #write} wrote: per worker, its records in step order. The columns
   * must have the names and types of {@link #SCHEMA}, and each (worker, step) must hold coordinates
   * 0 … d − 1 once each, with one d per worker.
   *
   * @throws IllegalArgumentException when the table is not such a pairs table or is empty, saying
   *     why in one line
   */
  public static Map<Integer, List<Record>> read(SparkSession spark, String path) {
    Dataset<Row> table = spark.read().parquet(path);
    StructType found = table.schema();
    List<String> foundColumns = new ArrayList<>();
    for (StructField f : found.fields()) {
      foundColumns.add(f.name() + " " + f.dataType().simpleString());
    }
    List<String> expected = new ArrayList<>();
    for (StructField f : SCHEMA.fields()) {
      expected.add(f.name() + " " + f.dataType().simpleString());
    }
    if (!foundColumns.containsAll(expected)) {
      throw new IllegalArgumentException(
          "not a pairs table: columns "
              + String.join(", ", foundColumns)
              + "; expected "
              + String.join(", ", expected));
    }
    table = table.select("worker", "step", "coordinate", "faulty", "true");
    List<Row> groups =
        table
            .groupBy("worker", "step")
            .agg(
                functions.count(functions.lit(1)),
                functions.countDistinct(functions.col("coordinate")),
                functions.min("coordinate"),
                functions.max("coordinate"),
                functions.count("faulty"),
                functions.count("true"))
            .orderBy("worker", "step")
            .collectAsList();
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("no replica pairs in the table");
    }
    Map<Integer, TreeMap<Integer, float[][]>> arrays = new TreeMap<>();
    Map<Integer, Integer> dimensions = new TreeMap<>();
    for (Row g : groups) {
      if (g.isNullAt(0) || g.isNullAt(1)) {
        throw new IllegalArgumentException("a row has no worker or no step");
      }
      int worker = g.getInt(0);
      int step = g.getInt(1);
      long rows = g.getLong(2);
      if (rows != g.getLong(3) || g.isNullAt(4) || g.getInt(4) != 0 || g.getInt(5) != rows - 1) {
        throw new IllegalArgumentException(
            "worker "
                + worker
                + ", step "
                + step
                + " does not hold coordinates 0 … d − 1 once each");
      }
      if (g.getLong(6) != rows || g.getLong(7) != rows) {
        throw new IllegalArgumentException(
            "worker " + worker + ", step " + step + " has null faulty or true values");
      }
      Integer d = dimensions.putIfAbsent(worker, (int) rows);
      if (d != null && d != rows) {
        throw new IllegalArgumentException(
            "worker " + worker + " has steps of " + d + " and of " + rows + " coordinates");
      }
      arrays
          .computeIfAbsent(worker, w -> new TreeMap<>())
          .put(step, new float[][] {new float[(int) rows], new float[(int) rows]});
    }
    Iterator<Row> it = table.toLocalIterator();
    while (it.hasNext()) {
      Row r = it.next();
      float[][] pair = arrays.get(r.getInt(0)).get(r.getInt(1));
      pair[0][r.getInt(2)] = r.getFloat(3);
      pair[1][r.getInt(2)] = r.getFloat(4);
    }
    Map<Integer, List<Record>> out = new TreeMap<>();
    arrays.forEach(
        (worker, steps) -> {
          List<Record> records = new ArrayList<>();
          steps.forEach((step, pair) -> records.add(new Record(worker, step, pair[0], pair[1])));
          out.put(worker, List.copyOf(records));
        });
    return out;
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
