package org.ftsim.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ftsim.aggregation.AggregatorRegistry;
import org.ftsim.checkpoint.Checkpoint;
import org.ftsim.config.ConfigException;
import org.ftsim.config.RunConfig;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.DataException;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.data.Partitioners;
import org.ftsim.data.TrainTest;
import org.ftsim.driver.Assembly;
import org.ftsim.driver.Components;
import org.ftsim.driver.DriverMemory;
import org.ftsim.driver.OnExecutors;
import org.ftsim.driver.RunFailure;
import org.ftsim.fault.FaultRegistry;
import org.ftsim.model.ArchitectureRegistry;
import org.ftsim.spark.KryoRegistration;
import org.ftsim.spark.SparkWorkers;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;

/**
 * The {@code ftsim} command line: {@code ftsim [train] [options]}, {@code ftsim report [options]},
 * {@code ftsim sweep GRID [options]}, {@code ftsim import-tensorboard DIR [options]} or {@code
 * ftsim correction-study PAIRS [options]}. User errors print one line and exit with status 2 before
 * anything is written.
 */
public final class Main {

  /** Exit status of a user error. */
  public static final int USAGE = 2;

  /** Exit status of a run that could not go on (its runs row says failed, and why). */
  public static final int FAILED = 1;

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
      if (rest[0].equals("import-tensorboard")) {
        return ImportCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err);
      }
      if (rest[0].equals("sweep")) {
        return SweepCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err);
      }
      if (rest[0].equals("correction-study")) {
        return CorrectionStudyCommand.run(Arrays.copyOfRange(rest, 1, rest.length), out, err);
      }
      if (!rest[0].equals("train")) {
        err.println(
            "ftsim: unknown command '"
                + rest[0]
                + "'; valid: train, sweep, report, import-tensorboard, correction-study");
        return USAGE;
      }
      rest = Arrays.copyOfRange(rest, 1, rest.length);
    }
    TrainCommand command = new TrainCommand();
    CmdLineParser parser = Options.parser(command);
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
      out.println(registries());
      return 0;
    }
    SimulationConfig config;
    TrainTest data;
    Components parts;
    Checkpoint checkpoint = null;
    try {
      if (command.resume != null) {
        checkpoint = Resume.load(command, rest, parser);
        config = Assembly.check(checkpoint.config());
      } else {
        config = Assembly.check(Assembly.resolve(command.toConfig()));
        if (config.runId() == null) {
          config = config.withRun(config.run().withRunId(newRunId(config.data().dataset())));
        } else {
          Resume.checkFresh(config);
        }
      }
      checkSparkSettings();
      checkWritable(config.run().resultsDir());
      if (config.correction().collects()) {
        checkNew("--data_coll_path", config.correction().collectPath());
      }
      data = TrainRun.load(config);
      parts = Assembly.assemble(config, data.train());
      OnExecutors.check(config, parts);
      DriverMemory.check(config, parts, data);
    } catch (UserError | ConfigException e) {
      err.println("ftsim: " + e.getMessage());
      return USAGE;
    } catch (DataException e) {
      err.println("ftsim: --data-dir " + command.dataDir + ": " + e.getMessage());
      return USAGE;
    }
    SparkSession spark = session(config);
    try {
      TrainRun.simulate(config, data, parts, checkpoint, command.tensorboard, spark, out);
    } catch (RunFailure e) {
      err.println("ftsim: " + e.getMessage());
      return FAILED;
    }
    return 0;
  }

  /** The valid names of each registry, for the help text. */
  private static String registries() {
    return String.join("\n", DatasetRegistry.helpLines())
        + "\n"
        + String.join("\n", ArchitectureRegistry.helpLines())
        + "\npartitions: "
        + String.join(", ", Partitioners.usages())
        + "\nfaults: "
        + String.join(", ", FaultRegistry.names())
        + " (modifiers: "
        + FaultRegistry.modifierUsages()
        + ")"
        + "\naggregation rules: "
        + String.join(", ", AggregatorRegistry.names());
  }

  /** The active session, or a new one: local[--proc] unless a master is configured. */
  static SparkSession session(SimulationConfig config) {
    return session(config, "ftsim " + config.runId(), Map.of());
  }

  /**
   * As {@link #session(SimulationConfig)}, a new session named {@code name} with {@code settings}
   * on top (a sweep's FAIR scheduler).
   */
  static SparkSession session(SimulationConfig config, String name, Map<String, String> settings) {
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName(name);
    settings.forEach(builder::config);
    RunConfig run = config.run();
    String master =
        run.master() != null
            ? run.master()
            : conf.contains("spark.master")
                ? conf.get("spark.master")
                : "local[" + (run.proc() > 0 ? run.proc() : "*") + "]";
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
   * Fails with a user error when a Spark setting that ftsim reads itself has a value it cannot take
   * ({@code spark.ftsim.inlineTasks}, read as the run reads it: Spark's boolean), before a run
   * writes anything.
   */
  static void checkSparkSettings() {
    SparkConf conf = new SparkConf();
    String key = SparkWorkers.INLINE_TASKS;
    try {
      conf.getBoolean(key, true);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(key, conf.get(key), "must be true or false");
    }
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

  /**
   * The local path {@code dir} names, or null for another file system ({@code hdfs://}, {@code
   * s3a://}): a plain path is a local one, spaces and all; {@code file:} is a URI.
   */
  static Path localPath(String dir) {
    Matcher scheme = SCHEME.matcher(dir);
    if (!scheme.find()) {
      return Path.of(dir);
    }
    if (!scheme.group(1).equalsIgnoreCase("file")) {
      return null;
    }
    return Path.of(URI.create(dir.replace(" ", "%20")));
  }

  /** A URI scheme: letters, digits, '+', '-' and '.' after a letter, then a colon (not C:\). */
  private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]+):");

  /** The checked local path, or null for another file system. */
  private static Path checkWritable(String flag, String dir) {
    Path path;
    try {
      path = localPath(dir);
    } catch (IllegalArgumentException e) { // InvalidPathException too
      throw new ConfigException(flag, dir, "not a valid path");
    }
    if (path == null) {
      return null;
    }
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
