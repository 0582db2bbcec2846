package org.ftsim.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaSparkContext;
import org.ftsim.SparkTestSession;
import org.ftsim.data.InputShape;
import org.ftsim.model.ModelSpec;
import org.junit.jupiter.api.Test;

class JobParametersTest {

  private static final ModelSpec MODEL = new ModelSpec("linear", InputShape.flat(20), 3, false);

  private static float[] random(int d, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[d];
    for (int j = 0; j < d; j++) {
      x[j] = (float) random.nextGaussian();
    }
    return x;
  }

  private static long broadcasts(JavaSparkContext jsc) {
    // Broadcast ids count up from 0 in a context: the next one made tells how many were.
    var probe = jsc.broadcast(0);
    long id = probe.id();
    probe.destroy();
    return id;
  }

  @Test
  void inlineAndBroadcastParametersLoadTheSameBitsAndOnlyTheSecondMakesABroadcast() {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(SparkTestSession.get().sparkContext());
    NetworkCache.Entry entry = new NetworkCache.Entry(MODEL.network());
    float[] params = random(entry.network.size(), 3);
    params[4] = Float.NaN;
    params[5] = -0f;

    long before = broadcasts(jsc);
    JobParameters inline = JobParameters.of(jsc, params, true);
    assertEquals(before + 1, broadcasts(jsc), "an inline job's parameters made a broadcast");
    inline.loadInto(entry, 1);
    assertArrayEquals(params, entry.network.parameters());

    float[] other = random(params.length, 4);
    JobParameters spark = JobParameters.of(jsc, other, false);
    spark.loadInto(entry, 2);
    assertArrayEquals(other, entry.network.parameters());
    spark.destroy();

    // The version already loaded is not loaded again; another version is, from the same array.
    inline.loadInto(entry, 2);
    assertArrayEquals(other, entry.network.parameters());
    inline.loadInto(entry, 3);
    assertArrayEquals(params, entry.network.parameters());
    inline.destroy(); // nothing to release
  }
}
