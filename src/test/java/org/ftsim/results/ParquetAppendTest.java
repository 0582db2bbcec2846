package org.ftsim.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.FileMetaData;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.ftsim.SparkTestSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows ParquetAppend writes read back as the rows, and its files are those Spark's own {@code
 * df.write().parquet(path)} writes for the same rows: the same schema read back, the same values,
 * the same Parquet schema, codec and footer metadata.
 */
class ParquetAppendTest {

  @TempDir Path dir;

  private static final StructType SCHEMA =
      new StructType()
          .add("run_id", DataTypes.StringType, false)
          .add("at", DataTypes.TimestampType, false)
          .add("step", DataTypes.IntegerType, false)
          .add("count", DataTypes.LongType, false)
          .add("ids", DataTypes.createArrayType(DataTypes.IntegerType, false), false)
          .add("loss", DataTypes.DoubleType, true)
          .add("name", DataTypes.StringType, true)
          .add("flagged", DataTypes.BooleanType, true);

  private static List<Row> rows() {
    List<Row> rows = new ArrayList<>();
    rows.add(
        RowFactory.create(
            "r",
            Timestamp.valueOf("2026-12-03 09:24:09.088"),
            1,
            7L,
            new int[] {0, 3},
            0.25,
            "scale:10",
            true));
    rows.add(
        RowFactory.create(
            "r", Timestamp.valueOf("2026-12-03 09:24:10"), 2, -1L, new int[] {}, null, null, null));
    rows.add(
        RowFactory.create(
            "r",
            Timestamp.valueOf("1970-01-01 00:00:00"),
            3,
            Long.MAX_VALUE,
            new int[] {5},
            Double.NaN,
            "é",
            false));
    return rows;
  }

  @Test
  void writesWhatSparksOwnWriterWrites() throws IOException {
    SparkSession spark = SparkTestSession.get();
    String ours = dir.resolve("ours/run_id=r").toString();
    String file = ParquetAppend.write(spark, SCHEMA, "run_id", rows(), ours);
    String theirs = dir.resolve("theirs/run_id=r").toString();
    spark
        .createDataFrame(rows(), SCHEMA)
        .drop("run_id")
        .coalesce(1)
        .write()
        .mode(SaveMode.Append)
        .parquet(theirs);

    assertTrue(file.matches(".*/part-00000-[0-9a-f-]{36}-c000\\.snappy\\.parquet"), file);
    assertEquals(
        spark.read().parquet(dir.resolve("theirs").toString()).schema(),
        spark.read().parquet(dir.resolve("ours").toString()).schema());
    assertEquals(
        sorted(spark.read().parquet(dir.resolve("theirs").toString()).collectAsList()),
        sorted(spark.read().parquet(dir.resolve("ours").toString()).collectAsList()));
    FileMetaData a = footer(Path.of(ours));
    FileMetaData b = footer(Path.of(theirs));
    assertEquals(b.getSchema(), a.getSchema());
    assertEquals(b.getKeyValueMetaData(), a.getKeyValueMetaData());
    assertTrue(a.getKeyValueMetaData().containsKey("org.apache.spark.sql.parquet.row.metadata"));
    assertFalse(Files.exists(Path.of(ours, "_temporary")));
  }

  /** The Spark settings of a run (spark-submit's --conf, -Dspark.*) reach the writer's SQL ones. */
  @Test
  void theSqlSettingsAreTheContextsSparkSettings() {
    SQLConf defaults = ParquetAppend.sqlConf(new SparkConf(false));
    assertEquals("snappy", defaults.parquetCompressionCodec());
    SQLConf set =
        ParquetAppend.sqlConf(
            new SparkConf(false)
                .set("spark.sql.parquet.compression.codec", "gzip")
                .set("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MILLIS"));
    assertEquals("gzip", set.parquetCompressionCodec());
    assertEquals("TIMESTAMP_MILLIS", set.parquetOutputTimestampType().toString());
  }

  @Test
  void eachAppendIsAFileOfItsOwn() throws IOException {
    SparkSession spark = SparkTestSession.get();
    String folder = dir.resolve("t/run_id=r").toString();
    ParquetAppend.write(spark, SCHEMA, "run_id", rows(), folder);
    ParquetAppend.write(spark, SCHEMA, "run_id", rows().subList(0, 1), folder);
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      assertEquals(2, files.filter(p -> p.toString().endsWith(".parquet")).count());
    }
    List<Row> read = spark.read().parquet(dir.resolve("t").toString()).collectAsList();
    assertEquals(4, read.size());
    assertEquals("r", read.get(0).getAs("run_id"));
  }

  @Test
  void aFailedWriteLeavesNoFileReadersSee() throws IOException {
    SparkSession spark = SparkTestSession.get();
    String folder = dir.resolve("t/run_id=r").toString();
    ParquetAppend.write(spark, SCHEMA, "run_id", rows().subList(0, 1), folder);
    List<Row> bad = new ArrayList<>(rows());
    // A value of the wrong type fails the write after the first rows were written.
    bad.add(RowFactory.create("r", new Timestamp(0), "four", 0L, new int[] {}, 1.0, "x", true));
    assertThrows(
        RuntimeException.class, () -> ParquetAppend.write(spark, SCHEMA, "run_id", bad, folder));
    try (Stream<Path> files = Files.list(Path.of(folder))) {
      assertEquals(1, files.filter(p -> p.getFileName().toString().startsWith("part-")).count());
    }
    assertEquals(1, spark.read().parquet(dir.resolve("t").toString()).count());
  }

  private static FileMetaData footer(Path folder) throws IOException {
    Path file;
    try (Stream<Path> files = Files.list(folder)) {
      file = files.filter(p -> p.getFileName().toString().startsWith("part-")).findFirst().get();
    }
    try (ParquetFileReader reader =
        ParquetFileReader.open(
            HadoopInputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toString()), new Configuration()))) {
      return reader.getFooter().getFileMetaData();
    }
  }

  private static List<String> sorted(List<Row> rows) {
    List<String> out = new ArrayList<>();
    for (Row r : rows) {
      Object[] values = new Object[r.size()];
      for (int i = 0; i < r.size(); i++) {
        Object v = r.get(i);
        values[i] = v instanceof scala.collection.Seq<?> s ? s.toString() : v;
      }
      out.add(Arrays.deepToString(values));
    }
    out.sort(String::compareTo);
    return out;
  }
}
