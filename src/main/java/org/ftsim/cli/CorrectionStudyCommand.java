package org.ftsim.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.ftsim.base.Spec;
import org.ftsim.config.ConfigException;
import org.ftsim.correction.CorrectionStudy;
import org.ftsim.correction.Regressor;
import org.ftsim.correction.RegressorRegistry;
import org.ftsim.correction.ReplicaData;
import org.ftsim.driver.Simulation;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.Option;
import org.kohsuke.args4j.ParserProperties;

/**
 * {@code ftsim correction-study PAIRS}: the prototype's correction study ({@link CorrectionStudy})
 * over the replica pairs that {@code --data_coll_path} writes; prints a table and writes it to
 * {@code --out} as Parquet and CSV.
 */
final class CorrectionStudyCommand {

  /** The prototype's two regressors. */
  static final String DEFAULT_MODELS = "linear,mlp";

  /** The table's file names under {@code --out}. */
  static final String PARQUET = "correction_study.parquet";

  static final String CSV = "correction_study.csv";

  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("worker", DataTypes.IntegerType, false),
            DataTypes.createStructField("model", DataTypes.StringType, false),
            DataTypes.createStructField("coverage", DataTypes.DoubleType, false),
            DataTypes.createStructField("sample_size", DataTypes.LongType, false),
            DataTypes.createStructField("fit_s", DataTypes.DoubleType, false),
            DataTypes.createStructField("test_mse", DataTypes.DoubleType, false),
            DataTypes.createStructField("mape", DataTypes.DoubleType, false),
            DataTypes.createStructField("relative_mape", DataTypes.DoubleType, false),
            DataTypes.createStructField("test_steps", DataTypes.IntegerType, false),
            DataTypes.createStructField("test_pairs", DataTypes.LongType, false),
            DataTypes.createStructField("true_variance", DataTypes.DoubleType, false),
            DataTypes.createStructField("pairs", DataTypes.StringType, false),
            DataTypes.createStructField("seed", DataTypes.LongType, false),
            DataTypes.createStructField("code_version", DataTypes.StringType, false)
          });

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
    CmdLineParser parser =
        new CmdLineParser(
            command, ParserProperties.defaults().withUsageWidth(100).withOptionSorter(null));
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
    console.println(header());
    List<CorrectionStudy.Result> results = new ArrayList<>();
    for (Map.Entry<Integer, List<ReplicaData.Record>> w : byWorker.entrySet()) {
      List<float[]> faulty = w.getValue().stream().map(ReplicaData.Record::faulty).toList();
      List<float[]> honest = w.getValue().stream().map(ReplicaData.Record::honest).toList();
      for (CorrectionStudy.Result r :
          CorrectionStudy.run(w.getKey(), faulty, honest, coverages, regressors, seed)) {
        console.println(line(r));
        results.add(r);
      }
    }
    write(spark, dir, results);
    console.println("correction study: " + dir.resolve(CSV) + ", " + dir.resolve(PARQUET));
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

  static String header() {
    return String.format(
        Locale.ROOT,
        "%-6s %-34s %8s %11s %9s %12s %12s %12s %12s",
        "worker",
        "model",
        "coverage",
        "sample_size",
        "fit_s",
        "test_mse",
        "mape",
        "rel_mape",
        "true_var");
  }

  static String line(CorrectionStudy.Result r) {
    return String.format(
        Locale.ROOT,
        "%-6d %-34s %8.2f %11d %9.4f %12.4e %12.4e %12.4e %12.4e",
        r.worker(),
        r.model(),
        r.coverage(),
        r.sampleSize(),
        r.fitSeconds(),
        r.testMse(),
        r.mape(),
        r.relativeMape(),
        r.trueVariance());
  }

  private void write(SparkSession spark, Path dir, List<CorrectionStudy.Result> results) {
    String version = Simulation.codeVersion();
    List<Row> rows = new ArrayList<>();
    List<String> csv = new ArrayList<>();
    csv.add(String.join(",", SCHEMA.fieldNames()));
    for (CorrectionStudy.Result r : results) {
      Object[] values = {
        r.worker(),
        r.model(),
        r.coverage(),
        r.sampleSize(),
        r.fitSeconds(),
        r.testMse(),
        r.mape(),
        r.relativeMape(),
        r.testSteps(),
        r.testPairs(),
        r.trueVariance(),
        pairs,
        seed,
        version
      };
      rows.add(RowFactory.create(values));
      List<String> cells = new ArrayList<>();
      for (Object v : values) {
        String s = String.valueOf(v);
        cells.add(s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s);
      }
      csv.add(String.join(",", cells));
    }
    try {
      Files.createDirectories(dir);
      Files.write(dir.resolve(CSV), csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    spark
        .createDataFrame(rows, SCHEMA)
        .coalesce(1)
        .write()
        .parquet(dir.resolve(PARQUET).toUri().toString());
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
