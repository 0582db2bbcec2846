package org.ftsim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.ConfigException;
import org.ftsim.report.Report;
import org.kohsuke.args4j.Option;

/**
 * {@code ftsim report}: an HTML page of charts over a results directory, a correction study, or
 * both.
 */
final class ReportCommand {

  /** The results directory when neither {@code -tb} nor {@code --study} is given. */
  static final String DEFAULT_RESULTS = "runs";

  @Option(
      name = "-tb",
      aliases = "--tb",
      metaVar = "DIR",
      usage =
          "results directory written by ftsim train, any Hadoop path (default: runs, none when"
              + " --study is given)")
  String resultsDir;

  @Option(
      name = "--out",
      metaVar = "FILE",
      usage =
          "the HTML page to write (default: report.html in -tb DIR, else in --study DIR;"
              + " ./report.html if that DIR is remote)")
  String out;

  @Option(
      name = "--runs",
      metaVar = "ID,...",
      usage = "comma-separated run ids to show (default: every run in DIR)")
  String runs;

  @Option(
      name = "--study",
      metaVar = "DIR",
      usage =
          "also chart the correction study in DIR (the --out of ftsim correction-study); without"
              + " -tb the page shows the study alone")
  String study;

  @Option(name = "-h", aliases = "--help", help = true, usage = "print this help")
  boolean help;

  private ReportCommand() {}

  /** Parses {@code args} (after the word {@code report}) and writes the report. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ReportCommand command = new ReportCommand();
    Integer done =
        Options.parse(command, args, "usage: ftsim report [options]", () -> command.help, out, err);
    if (done != null) {
      return done;
    }
    List<String> ids =
        command.runs == null
            ? List.of()
            : Arrays.stream(command.runs.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    if (command.runs != null && ids.isEmpty()) {
      err.println("ftsim: --runs " + command.runs + ": no run id given");
      return Main.USAGE;
    }
    String results =
        command.resultsDir != null
            ? command.resultsDir
            : command.study == null ? DEFAULT_RESULTS : null;
    if (results == null && command.runs != null) {
      err.println(
          "ftsim: --runs " + command.runs + ": --study alone shows no runs to choose; add -tb DIR");
      return Main.USAGE;
    }
    Path page = command.out != null ? Path.of(command.out) : null;
    try {
      Report.Summary summary = Report.write(session(), results, ids, command.study, page);
      List<String> shown = new ArrayList<>();
      if (results != null) {
        shown.add(summary.runs() + (summary.runs() == 1 ? " run" : " runs"));
      }
      if (summary.study()) {
        shown.add("correction study");
      }
      shown.add(summary.charts() + " charts");
      out.printf(Locale.ROOT, "report: %s (%s)%n", summary.page(), String.join(", ", shown));
      return 0;
    } catch (ConfigException e) {
      err.println("ftsim: " + e.getMessage());
      return Main.USAGE;
    }
  }

  /**
   * The active session, or a new one: local[*] unless a master is configured. A new local session
   * lists the tables' partition folders on the driver rather than in a Spark job per table and
   * shuffles into few partitions: a report's tables are small next to a job's.
   */
  private static SparkSession session() {
    scala.Option<SparkSession> running =
        SparkSession.getActiveSession().orElse(SparkSession::getDefaultSession);
    if (running.isDefined()) {
      return running.get();
    }
    SparkConf conf = new SparkConf();
    SparkSession.Builder builder = SparkSession.builder().appName("ftsim report");
    if (!conf.contains("spark.master")) {
      builder
          .master("local[*]")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", conf.get("spark.sql.shuffle.partitions", "8"))
          .config(
              "spark.sql.sources.parallelPartitionDiscovery.threshold",
              conf.get("spark.sql.sources.parallelPartitionDiscovery.threshold", "100000"));
    }
    return builder.getOrCreate();
  }
}
