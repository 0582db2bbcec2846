package org.ftsim;

import org.apache.spark.sql.SparkSession;

/** The one local[2] Spark session all Spark tests of this JVM share. */
public final class SparkTestSession {

  private static SparkSession session;

  private SparkTestSession() {}

  /** The shared session, created on first use. */
  public static synchronized SparkSession get() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("ftsim-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.task.maxDirectResultSize", "120m")
              .getOrCreate();
    }
    return session;
  }
}
