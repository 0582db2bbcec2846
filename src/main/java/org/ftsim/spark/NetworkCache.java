package org.ftsim.spark;

import java.util.HashMap;
import java.util.Map;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.ftsim.model.ModelSpec;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One network per executor thread and model, built once and reused by every task that thread runs:
 * building a network costs ~13 ms, while loading new parameters in place costs well under one.
 * Networks are never shared between threads.
 */
final class NetworkCache {

  /** A cached network and the parameter version it holds. */
  static final class Entry {
    final MultiLayerNetwork network;
    private long version = Long.MIN_VALUE;

    Entry(MultiLayerNetwork network) {
      this.network = network;
    }

    /** Loads {@code params} (little-endian floats) unless version {@code version} is loaded. */
    void load(byte[] params, long version) {
      if (this.version == version) {
        return;
      }
      INDArray flat = network.params();
      if (flat.data().length() != flat.length()) {
        throw new IllegalStateException("the flat parameter vector is not a whole buffer");
      }
      FloatBytes.write(params, flat.data());
      this.version = version;
    }
  }

  private static final ThreadLocal<Map<ModelSpec, Entry>> CACHE =
      ThreadLocal.withInitial(HashMap::new);

  private NetworkCache() {}

  /** This thread's network for {@code spec}. */
  static Entry get(ModelSpec spec) {
    return CACHE.get().computeIfAbsent(spec, s -> new Entry(s.build()));
  }
}
