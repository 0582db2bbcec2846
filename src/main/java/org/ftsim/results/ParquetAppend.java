package org.ftsim.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.mapreduce.Job;
import org.apache.hadoop.mapreduce.TaskAttemptContext;
import org.apache.hadoop.mapreduce.TaskAttemptID;
import org.apache.hadoop.mapreduce.task.TaskAttemptContextImpl;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.CatalystTypeConverters;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.datasources.OutputWriter;
import org.apache.spark.sql.execution.datasources.OutputWriterFactory;
import org.apache.spark.sql.execution.datasources.parquet.ParquetOptions;
import org.apache.spark.sql.execution.datasources.parquet.ParquetUtils;
import org.apache.spark.sql.internal.SQLConf;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Function1;
import scala.Tuple2;
import scala.collection.JavaConverters;

/**
 * Appends rows to a folder as one Parquet file through Spark's own Parquet writer ({@link
 * ParquetUtils#prepareWrite}, the output writer a {@code df.write().parquet(path)} task uses): the
 * same schema, encodings, footer metadata and file name pattern as Spark's, without planning a
 * Spark SQL job for a few hundred rows. A run's rows are written from the driver this way all run
 * long; through {@code createDataFrame(rows).write()} each append compiled a query (parser,
 * analyser, generated code) and cost the training about 7 s of CPU time on a 3-epoch MNIST run
 * (issue 15).
 *
 * <p>As a file committer does, the file is written under the folder's {@code _temporary} and
 * renamed into place when complete: readers never see half a file, and a run killed mid-write
 * leaves only the {@code _temporary} folder, which a resumed run deletes ({@code WrittenRows}).
 */
final class ParquetAppend {

  private ParquetAppend() {}

  /**
   * The SQL settings a session's writes see, built as Spark's session state builds its own (a new
   * {@link SQLConf} given each of the context's Spark settings), without building that state: its
   * parser, analyser and function registry (about 1,000 classes, a second of CPU time at the first
   * flush of a run) are never used by a training run (issue 15).
   */
  static SQLConf sqlConf(SparkConf spark) {
    SQLConf sql = new SQLConf();
    for (Tuple2<String, String> kv : spark.getAll()) {
      sql.setConfString(kv._1(), kv._2());
    }
    return sql;
  }

  /**
   * Writes {@code rows} (of {@code schema}) without the column {@code dropped} into a new file of
   * folder {@code dir} (any Hadoop path); returns the file's path.
   */
  static String write(
      SparkSession spark, StructType schema, String dropped, List<Row> rows, String dir) {
    SQLConf sql = sqlConf(spark.sparkContext().getConf());
    // Spark's writer code reads SQLConf.get, which would otherwise build the session state.
    return SQLConf.withExistingConf(sql, () -> write(spark, sql, schema, dropped, rows, dir));
  }

  private static String write(
      SparkSession spark,
      SQLConf sql,
      StructType schema,
      String dropped,
      List<Row> rows,
      String dir) {
    int skip = schema.fieldIndex(dropped);
    StructField[] fields = schema.fields();
    StructField[] kept = new StructField[fields.length - 1];
    for (int i = 0, k = 0; i < fields.length; i++) {
      if (i != skip) {
        kept[k++] = fields[i];
      }
    }
    StructType fileSchema = new StructType(kept);
    try {
      // As the session state's newHadoopConf: the context's Hadoop settings and the SQL ones.
      Configuration hadoop = new Configuration(spark.sparkContext().hadoopConfiguration());
      JavaConverters.mapAsJavaMap(sql.getAllConfs()).forEach(hadoop::set);
      Job job = Job.getInstance(hadoop);
      OutputWriterFactory factory =
          ParquetUtils.prepareWrite(
              sql,
              job,
              fileSchema,
              new ParquetOptions(scala.collection.immutable.Map$.MODULE$.empty(), sql));
      Configuration conf = job.getConfiguration();
      TaskAttemptContext context = new TaskAttemptContextImpl(conf, new TaskAttemptID());
      String name = "part-00000-" + UUID.randomUUID() + "-c000" + factory.getFileExtension(context);
      Path folder = new Path(dir);
      Path temporary = new Path(new Path(folder, "_temporary"), UUID.randomUUID().toString());
      Path partial = new Path(temporary, name);
      Path done = new Path(folder, name);
      FileSystem fs = folder.getFileSystem(conf);
      Function1<Object, Object> toCatalyst =
          CatalystTypeConverters.createToCatalystConverter(fileSchema);
      OutputWriter writer = factory.newInstance(partial.toString(), fileSchema, context);
      try {
        Object[] values = new Object[kept.length];
        for (Row row : rows) {
          for (int i = 0, k = 0; i < fields.length; i++) {
            if (i != skip) {
              values[k++] = row.get(i);
            }
          }
          writer.write((InternalRow) toCatalyst.apply(RowFactory.create(values)));
        }
      } finally {
        writer.close();
      }
      if (!fs.rename(partial, done)) {
        throw new IOException("could not move " + partial + " to " + done);
      }
      fs.delete(new Path(folder, "_temporary"), true);
      return done.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("writing Parquet under " + dir + ": " + e.getMessage(), e);
    }
  }
}
