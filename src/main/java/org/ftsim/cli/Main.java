package org.ftsim.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ftsim.Simulation;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.DataException;
import org.ftsim.data.Datasets;
import org.ftsim.data.TrainTest;
import org.ftsim.spark.KryoRegistration;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.ParserProperties;

/**
 * The {@code ftsim} command line: {@code ftsim [train] [options]} or {@code ftsim report
 * [options]}. User errors print one line and exit with status 2 before anything is written.
 */
public final class Main {

  /** Exit status of a user error. */
  public static final int USAGE = 2;

  private Main() {}

  /** Runs the command and exits with its status, stopping Spark first. */
  public static void main(String[] args) {
    int status;
    try {
      status = run(args, System.out, System.err);
    } finally {
      SparkSession.getActiveSession()
          .foreach(
              s -> {
                s.stop();
                return null;
              });
    }
    System.exit(status);
  }

  /**
   * Runs the command with {@code args}; returns the exit status. Reuses an active Spark session if
   * there is one (tests, notebooks) and leaves it running.
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    String[] rest = args;
    if (rest.length > 0 && !rest[0].startsWith("-")) {
      if (rest[0].equals("report")) {
        return ReportCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err);
      }
      if (!rest[0].equals("train")) {
        err.println("ftsim: unknown command '" + rest[0] + "'; valid: train, report");
        return USAGE;
      }
      rest = Arrays.copyOfRange(rest, 1, rest.length);
    }
    TrainCommand command = new TrainCommand();
    CmdLineParser parser =
        new CmdLineParser(
            command, ParserProperties.defaults().withUsageWidth(100).withOptionSorter(null));
    try {
      parser.parseArgument(rest);
    } catch (CmdLineException e) {
      err.println("ftsim: " + e.getMessage());
      return USAGE;
    }
    if (command.help) {
      out.println("usage: ftsim [train] [options]");
      parser.printUsage(out);
      out.println();
      out.println(TrainCommand.registries());
      return 0;
    }
    SimulationConfig config;
    TrainTest data;
    Checkpoint checkpoint = null;
    try {
      if (command.resume != null) {
        checkpoint = Resume.load(command, rest, parser);
        config = checkpoint.config().validate();
      } else {
        config = command.toConfig().validate();
        if (config.runId() == null) {
          config = config.withRunId(newRunId(config.dataset()));
        } else {
          Resume.checkFresh(config);
        }
      }
      checkWritable(config.resultsDir());
      if (config.correction().collects()) {
        checkNew("--data_coll_path", config.correction().collectPath());
      }
      String missing = Datasets.missingFiles(config.dataset(), Path.of(config.dataDir()));
      if (missing != null) {
        throw new ConfigException("--data-dir", config.dataDir(), missing);
      }
      data = Datasets.load(config.dataset(), Path.of(config.dataDir()));
      config.buildBatchPlan(data.train()); // a partition that cannot be dealt is a user error
    } catch (UserError | ConfigException e) {
      err.println("ftsim: " + e.getMessage());
      return USAGE;
    } catch (DataException e) {
      err.println("ftsim: --data-dir " + command.dataDir + ": " + e.getMessage());
      return USAGE;
    }
    SparkSession spark = session(config);
    if (checkpoint != null) {
      out.printf(Locale.ROOT, "resuming %s from step %d%n", config.runId(), checkpoint.step());
    }
    Simulation.Summary summary =
        new Simulation(config, data, spark, out).resumeFrom(checkpoint).run();
    out.printf(Locale.ROOT, "results: %s (run_id=%s)%n", summary.resultsDir(), summary.runId());
    return 0;
  }

  /** The active session, or a new one: local[--proc] unless a master is configured. */
  static SparkSession session(SimulationConfig config) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("ftsim " + config.runId());
    String master =
        config.master() != null
            ? config.master()
            : conf.contains("spark.master")
                ? conf.get("spark.master")
                : "local[" + (config.proc() > 0 ? config.proc() : "*") + "]";
    builder.master(master);
    if (master.startsWith("local")) {
      builder.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false"));
    }
    // A cluster's defaults may select Kryo: register what Kryo cannot handle by itself.
    if (KryoRegistration.addTo(conf)) {
      builder.config("spark.kryo.registrator", conf.get("spark.kryo.registrator"));
    }
    return builder
        // Each step collects n gradients (16 × 1.9 MB for the MLP): send them with the task
        // status rather than through the block manager, and allow large collects.
        .config(
            "spark.task.maxDirectResultSize", conf.get("spark.task.maxDirectResultSize", "120m"))
        .config("spark.driver.maxResultSize", conf.get("spark.driver.maxResultSize", "4g"))
        // Parameters and gradients are incompressible floats.
        .config("spark.broadcast.compress", conf.get("spark.broadcast.compress", "false"))
        .config("spark.broadcast.checksum", conf.get("spark.broadcast.checksum", "false"))
        // A speculative or retried attempt must never append rows twice.
        .config("spark.speculation", "false")
        .config("spark.yarn.maxAppAttempts", "1")
        .getOrCreate();
  }

  private static String newRunId(String dataset) {
    return LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"))
        + "-"
        + dataset
        + "-"
        + String.format(Locale.ROOT, "%04x", ThreadLocalRandom.current().nextInt(1 << 16));
  }

  /**
   * Fails with a user error when a local results directory cannot be created or written; other file
   * systems (hdfs://, s3a://) are checked when the first rows are written.
   */
  static void checkWritable(String dir) {
    checkWritable("-tb/--tb", dir);
  }

  /** As {@link #checkWritable(String)}, and the local path {@code dir} must not exist yet. */
  static void checkNew(String flag, String dir) {
    Path local = checkWritable(flag, dir);
    if (local != null && Files.exists(local)) {
      throw new ConfigException(flag, dir, "already exists");
    }
  }

  /** The checked local path, or null for another file system. */
  private static Path checkWritable(String flag, String dir) {
    URI uri;
    try {
      uri = URI.create(dir);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(flag, dir, "not a valid path");
    }
    if (uri.getScheme() != null && !uri.getScheme().equals("file")) {
      return null;
    }
    Path path = uri.getScheme() == null ? Path.of(dir) : Path.of(uri);
    Path p = path.toAbsolutePath();
    while (p != null && !Files.exists(p)) {
      p = p.getParent();
    }
    if (p == null || !Files.isDirectory(p)) {
      throw new ConfigException(flag, dir, p + " is not a directory");
    }
    if (!Files.isWritable(p)) {
      throw new ConfigException(flag, dir, "cannot write in " + p);
    }
    return path;
  }
}
