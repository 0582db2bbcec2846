package org.ftsim.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.serializers.JavaSerializer;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoRegistrator;
import org.ftsim.aggregation.DistanceBlocks;
import org.ftsim.correction.ReplicaData;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.data.Features;
import org.ftsim.data.InputShape;
import org.ftsim.model.ModelSpec;

/**
 * Lets ftsim run where a cluster's {@code spark-defaults.conf} sets {@code
 * spark.serializer=org.apache.spark.serializer.KryoSerializer}. Spark's Kryo 4 cannot rebuild Java
 * records (it writes their final fields through {@code Unsafe}, which Java 17 refuses for records)
 * nor the immutable lists of {@code List.of}/{@code List.copyOf} (it calls {@code add}), so those
 * classes go through Java serialization inside Kryo. Everything they carry in bulk is a primitive
 * array, which Java serialization writes in one copy. ftsim never sends ND4J arrays through Spark,
 * so dl4j-spark's nd4j registrator would have nothing to do.
 */
public final class KryoRegistration implements KryoRegistrator {

  /** The classes ftsim sends through Spark's data serializer (broadcasts and task results). */
  static final List<Class<?>> JAVA_SERIALIZED =
      List.of(
          Dataset.class,
          Dataset.Info.class,
          InputShape.class,
          Features.Bytes.class,
          Features.Floats.class,
          BatchPlan.class,
          ModelSpec.class,
          WorkerGradient.class,
          EvalChunk.class,
          ReplicaData.Record.class,
          // --aggregate-on executors: shuffled blocks and task results.
          Report.class,
          BlockSlice.class,
          BlockResult.class,
          BlockPartial.class,
          DistanceBlocks.Partial.class,
          ReportSummary.class,
          List.of().getClass(),
          List.of(1).getClass(),
          List.of(1, 2, 3).getClass());

  @Override
  public void registerClasses(Kryo kryo) {
    JavaSerializer java = new JavaSerializer();
    for (Class<?> c : JAVA_SERIALIZED) {
      kryo.register(c, java);
    }
  }

  /**
   * Adds this registrator to {@code conf} when it selects Kryo, keeping any registrator already
   * configured; returns whether it did.
   */
  public static boolean addTo(SparkConf conf) {
    if (!conf.get("spark.serializer", "").endsWith("KryoSerializer")) {
      return false;
    }
    String name = KryoRegistration.class.getName();
    String registrators = conf.get("spark.kryo.registrator", "").strip();
    if (List.of(registrators.split("\\s*,\\s*")).contains(name)) {
      return false;
    }
    conf.set("spark.kryo.registrator", registrators.isEmpty() ? name : registrators + "," + name);
    return true;
  }
}
