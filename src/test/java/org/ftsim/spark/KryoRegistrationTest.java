package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.serializer.KryoSerializer;
import org.apache.spark.serializer.SerializerInstance;
import org.ftsim.correction.ReplicaData;
import org.ftsim.data.BatchPlan;
import org.ftsim.data.Dataset;
import org.ftsim.data.DatasetRegistry;
import org.junit.jupiter.api.Test;
import scala.reflect.ClassTag$;

/** What ftsim sends through Spark survives Kryo, the serializer many clusters set by default. */
class KryoRegistrationTest {

  private static SerializerInstance kryo(boolean registered) {
    SparkConf conf = new SparkConf().set("spark.serializer", KryoSerializer.class.getName());
    if (registered) {
      assertTrue(KryoRegistration.addTo(conf));
    }
    return new KryoSerializer(conf).newInstance();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(SerializerInstance kryo, T value) {
    Object copy =
        kryo.deserialize(
            kryo.serialize(value, ClassTag$.MODULE$.apply(Object.class)),
            ClassTag$.MODULE$.apply(Object.class));
    return (T) copy;
  }

  @Test
  void gradientsComeBackExactly() {
    byte[] gradient = FloatBytes.encode(new float[] {1.5f, -0.25f, Float.NaN, 3e-38f});
    WorkerGradient g = new WorkerGradient(3, gradient, 0.75, 32, 1, 12345L, null, null);
    WorkerGradient copy = roundTrip(kryo(true), List.of(g)).get(0);
    assertEquals(3, copy.worker());
    assertArrayEquals(gradient, copy.gradient());
    assertEquals(0.75, copy.loss());
    assertEquals(32, copy.batch());
    assertEquals(12345L, copy.nanos());
    assertEquals(null, copy.clean());
  }

  @Test
  void executorAggregationsResultsComeBackExactly() {
    java.util.TreeMap<String, byte[]> omniscient = new java.util.TreeMap<>();
    omniscient.put("alie", FloatBytes.encode(new float[] {2f}));
    BlockResult result =
        new BlockResult(
            4,
            null,
            FloatBytes.encode(new float[] {0.5f}),
            0,
            null,
            new double[] {0.25, Double.NaN},
            omniscient,
            null);
    BlockPartial p =
        new BlockPartial(
            new org.ftsim.aggregation.DistanceBlocks.Partial(
                new double[] {1.25, Double.POSITIVE_INFINITY, -0.0}, new boolean[] {false, true}),
            result,
            77L);
    BlockPartial copy = roundTrip(kryo(true), List.of(p)).get(0);
    assertArrayEquals(p.partial().sum(), copy.partial().sum());
    assertArrayEquals(p.partial().far(), copy.partial().far());
    assertEquals(4, copy.result().block());
    assertArrayEquals(result.honestMean(), copy.result().honestMean());
    assertArrayEquals(omniscient.get("alie"), copy.result().omniscient().get("alie"));
    assertArrayEquals(result.discarded(), copy.result().discarded());
    assertEquals(77L, copy.nanos());
    Report r = new Report(2, FloatBytes.encode(new float[] {1f, -1f}), 1.5, 0.25, 32, 1, 9L);
    assertArrayEquals(r.row(), roundTrip(kryo(true), r).row());
  }

  @Test
  void datasetsAndPlansComeBackExactly() {
    Dataset train = DatasetRegistry.get("synthetic").load(Path.of("unused")).train();
    Dataset copy = roundTrip(kryo(true), train);
    assertEquals(train.size(), copy.size());
    assertArrayEquals(train.labels(), copy.labels());
    assertEquals(train.shape(), copy.shape());
    int[] all = new int[train.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    assertArrayEquals(Batches.features(train, all), Batches.features(copy, all));

    BatchPlan plan = new BatchPlan(train.size(), 256, 6, 42);
    BatchPlan planCopy = roundTrip(kryo(true), plan);
    assertArrayEquals(plan.subBatch(2, 3, 4), planCopy.subBatch(2, 3, 4));
    assertEquals(plan.randomSeed(2, 3, 4), planCopy.randomSeed(2, 3, 4));
  }

  @Test
  void immutableListsOfRecordsComeBack() {
    List<ReplicaData.Record> records =
        List.copyOf(
            List.of(
                new ReplicaData.Record(1, 2, new float[] {1, 2}, new float[] {3, 4}),
                new ReplicaData.Record(2, 2, new float[] {5}, new float[] {6})));
    List<ReplicaData.Record> copy = roundTrip(kryo(true), records);
    assertEquals(2, copy.size());
    assertArrayEquals(new float[] {5}, copy.get(1).faulty());
    assertArrayEquals(new float[] {3, 4}, copy.get(0).honest());
    assertEquals(
        new EvalChunk(4, 1000, 900, 12.5),
        roundTrip(kryo(true), new EvalChunk(4, 1000, 900, 12.5)));
  }

  @Test
  void plainKryoCannotRebuildThem() {
    // Why the registrator exists: Spark's Kryo alone fails on ftsim's records and immutable lists.
    SerializerInstance plain = kryo(false);
    assertThrows(
        Exception.class,
        () -> roundTrip(plain, new WorkerGradient(0, new byte[4], 0, 1, 0, 0, null, null)));
    assertThrows(Exception.class, () -> roundTrip(plain, List.of(1, 2, 3)));
  }

  @Test
  void registratorIsAddedOnlyForKryoAndOnlyOnce() {
    SparkConf java = new SparkConf(false);
    assertFalse(KryoRegistration.addTo(java));
    assertFalse(java.contains("spark.kryo.registrator"));

    SparkConf kryo =
        new SparkConf(false)
            .set("spark.serializer", KryoSerializer.class.getName())
            .set("spark.kryo.registrator", "com.example.Theirs");
    assertTrue(KryoRegistration.addTo(kryo));
    assertFalse(KryoRegistration.addTo(kryo));
    assertEquals(
        "com.example.Theirs," + KryoRegistration.class.getName(),
        kryo.get("spark.kryo.registrator"));
  }
}
