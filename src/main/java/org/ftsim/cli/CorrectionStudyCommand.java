package org.ftsim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ftsim.base.Spec;
import org.ftsim.config.ConfigException;
import org.ftsim.correction.CorrectionStudy;
import org.ftsim.correction.Regressor;
import org.ftsim.correction.RegressorRegistry;
import org.ftsim.correction.ReplicaData;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.Option;

/**
 * {@code ftsim correction-study PAIRS}: the prototype's correction study ({@link CorrectionStudy})
 * over the replica pairs that {@code --data_coll_path} writes; prints a table and writes it to
 * {@code --out} as Parquet and StudyTable.CSV.
 */
final class CorrectionStudyCommand {

  /** The prototype's two regressors. */
  static final String DEFAULT_MODELS = "linear,mlp";

  @Argument(
      metaVar = "PAIRS",
      required = true,
      usage = "the replica pairs Parquet written by ftsim train --data_coll_path")
  String pairs;

  @Option(
      name = "--coverage",
      metaVar = "C,...",
      usage = "shares of the first replica step's coordinates to fit on, each in (0, 1]")
  String coverage = "0.1,0.3,0.5,0.7,0.9,1.0";

  @Option(
      name = "--models",
      metaVar = "SPEC,...",
      usage = "correction regressors to compare (names as --correct-model)")
  String models = DEFAULT_MODELS;

  @Option(
      name = "--out",
      metaVar = "DIR",
      usage = "local directory to write the table to; must not exist")
  String out = "correction-study";

  @Option(name = "--seed", metaVar = "N", usage = "seed of the coverage samples and the fits")
  long seed = 1;

  @Option(name = "-h", aliases = "--help", help = true, usage = "print this help")
  boolean help;

  private CorrectionStudyCommand() {}

  /** Parses {@code args} (after the word {@code correction-study}) and runs the study. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    CorrectionStudyCommand command = new CorrectionStudyCommand();
    CmdLineParser parser = Options.parser(command);
    if (List.of(args).contains("-h") || List.of(args).contains("--help")) {
      out.println("usage: ftsim correction-study PAIRS [options]");
      parser.printUsage(out);
      out.println("models: " + String.join(", ", RegressorRegistry.usages()));
      return 0;
    }
    try {
      parser.parseArgument(args);
    } catch (CmdLineException e) {
      err.println("ftsim: " + e.getMessage());
      return Main.USAGE;
    }
    try {
      return command.study(out);
    } catch (ConfigException e) {
      err.println("ftsim: " + e.getMessage());
      return Main.USAGE;
    }
  }

  private int study(PrintStream console) {
    List<Double> coverages;
    try {
      coverages = CorrectionStudy.coverages(coverage);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("--coverage", coverage, e.getMessage());
    }
    List<String> specs = specs(models);
    Main.checkNew("--out", out);
    Path dir = Main.localPath(out);
    if (dir == null) {
      throw new ConfigException("--out", out, "must be a local directory");
    }
    SparkSession spark = session();
    Map<String, Regressor> regressors = new LinkedHashMap<>();
    for (String spec : specs) {
      try {
        Regressor regressor = RegressorRegistry.create(spec, spark, seed);
        regressors.put(regressor.toString(), regressor);
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--models", models, e.getMessage());
      }
    }
    Map<Integer, List<ReplicaData.Record>> byWorker;
    try {
      byWorker = ReplicaData.read(spark, pairs);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("PAIRS", pairs, e.getMessage());
    } catch (Exception e) { // Spark's AnalysisException, a file that is not Parquet
      throw new ConfigException("PAIRS", pairs, "cannot read as Parquet: " + reason(e));
    }
    for (Map.Entry<Integer, List<ReplicaData.Record>> w : byWorker.entrySet()) {
      int steps = w.getValue().size();
      int d = w.getValue().get(0).faulty().length;
      if (steps < 2) {
        throw new ConfigException(
            "PAIRS",
            pairs,
            "worker "
                + w.getKey()
                + " has 1 replica step; the study needs 2 or more (the first trains, the later"
                + " ones test): collect with --replica-steps 2 or more");
      }
      for (double c : coverages) {
        if (CorrectionStudy.sampleSize(d, c) < 1) {
          throw new ConfigException(
              "--coverage", coverage, c + " of " + d + " coordinates is no coordinate at all");
        }
      }
    }
    console.println(StudyTable.header());
    List<CorrectionStudy.Result> results = new ArrayList<>();
    for (Map.Entry<Integer, List<ReplicaData.Record>> w : byWorker.entrySet()) {
      List<float[]> faulty = w.getValue().stream().map(ReplicaData.Record::faulty).toList();
      List<float[]> honest = w.getValue().stream().map(ReplicaData.Record::honest).toList();
      for (CorrectionStudy.Result r :
          CorrectionStudy.run(w.getKey(), faulty, honest, coverages, regressors, seed)) {
        console.println(StudyTable.line(r));
        results.add(r);
      }
    }
    StudyTable.write(spark, dir, results, pairs, seed);
    console.println(
        "correction study: "
            + dir.resolve(StudyTable.CSV)
            + ", "
            + dir.resolve(StudyTable.PARQUET));
    return 0;
  }

  /**
   * The regressor specs of a comma-separated list; a comma also separates a spec's parameters
   * ({@code mllib-gbt:iterations=2,depth=3}), so a part that is a parameter ({@code key=value} or a
   * number) continues the spec before it when that spec has parameters.
   */
  static List<String> specs(String list) {
    List<String> specs = new ArrayList<>();
    for (String part : list.split(",", -1)) {
      String p = part.strip();
      boolean parameter = p.contains("=") || p.matches("[-+0-9.eE]+");
      if (parameter && !specs.isEmpty() && specs.get(specs.size() - 1).contains(":")) {
        specs.set(specs.size() - 1, specs.get(specs.size() - 1) + "," + p);
      } else {
        specs.add(p);
      }
    }
    for (String spec : specs) {
      String name;
      try {
        name = Spec.parse(spec).name();
      } catch (IllegalArgumentException e) {
        throw new ConfigException("--models", list, e.getMessage());
      }
      if (!RegressorRegistry.names().contains(name)) {
        throw new ConfigException(
            "--models",
            list,
            "unknown correction model '"
                + spec
                + "'; valid: "
                + String.join(", ", RegressorRegistry.names()));
      }
    }
    return List.copyOf(specs);
  }

  /** The first line of the innermost message, at most 200 characters. */
  private static String reason(Throwable e) {
    String m = String.valueOf(e.getMessage());
    for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
      if (c.getMessage() != null && !c.getMessage().isBlank()) {
        m = c.getMessage();
      }
    }
    m = m.strip();
    int nl = m.indexOf('\n');
    m = nl < 0 ? m : m.substring(0, nl);
    return m.length() <= 200 ? m : m.substring(0, 200) + "…";
  }

  /** The active session, or a new local one on every core. */
  private static SparkSession session() {
    scala.Option<SparkSession> running =
        SparkSession.getActiveSession().orElse(SparkSession::getDefaultSession);
    if (running.isDefined()) {
      return running.get();
    }
    org.apache.spark.SparkConf conf = new org.apache.spark.SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("ftsim correction-study");
    if (!conf.contains("spark.master")) {
      builder.master("local[*]").config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }
}
