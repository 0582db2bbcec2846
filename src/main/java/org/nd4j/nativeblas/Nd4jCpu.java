package org.nd4j.nativeblas;

/**
 * The name under which DL4J 1.0.0-M2.1's oneDNN layer helpers ({@code BaseMKLDNNHelper}) look up
 * libnd4j's environment by reflection; nd4j-native 1.0.0-M2.1 moved that class to {@code
 * org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu}, so without this bridge the lookup fails and the
 * helpers are never used. It answers with the real environment's own flag.
 */
public final class Nd4jCpu {

  private Nd4jCpu() {}

  /** libnd4j's environment as DL4J's helpers query it. */
  public static final class Environment {

    private static final Environment INSTANCE = new Environment();

    private Environment() {}

    /** The one instance. */
    public static Environment getInstance() {
      return INSTANCE;
    }

    /** Whether libnd4j was built with oneDNN and uses it (nd4j-native's onednn classifier). */
    public boolean isUseMKLDNN() {
      return org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu.Environment.getInstance().isUseONEDNN();
    }
  }
}
