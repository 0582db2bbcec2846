package org.ftsim.model;

import java.util.function.Supplier;

/**
 * Whether DL4J's layers compute convolutions and pooling through oneDNN rather than its own im2col
 * and matrix products: about 2.4× less CPU for a {@code cnn} gradient. Only where libnd4j is built
 * with oneDNN (nd4j-native's {@code linux-x86_64-onednn} classifier, the default on Linux x86-64);
 * with the plain build DL4J's helper check answers no and nothing changes. DL4J decides when a
 * layer is built, from the system property {@value #PROPERTY} (helpers off unless it is "false"),
 * so networks are built under one lock with the property set for that network alone: on for
 * networks without batch normalisation, off for those with it (DL4J's oneDNN batch-norm helper
 * keeps its running statistics otherwise than {@link Network#stateUpdate()} reads them). The bits
 * differ from the im2col path's, and are the same on every thread and partition, since each
 * worker's batch is computed alone.
 */
final class OneDnn {

  static final String PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

  private OneDnn() {}

  /** {@code build}'s network, built with DL4J's oneDNN helpers when {@code helpers}. */
  static synchronized <T> T build(boolean helpers, Supplier<T> build) {
    String before = System.getProperty(PROPERTY);
    System.setProperty(PROPERTY, String.valueOf(!helpers));
    try {
      return build.get();
    } finally {
      if (before == null) {
        System.clearProperty(PROPERTY);
      } else {
        System.setProperty(PROPERTY, before);
      }
    }
  }
}
