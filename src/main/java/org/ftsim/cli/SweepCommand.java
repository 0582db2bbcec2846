package org.ftsim.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.sweep.Grid;
import org.ftsim.sweep.GridException;
import org.ftsim.sweep.GridFile;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;

/**
 * {@code ftsim sweep GRID}: every run of a grid file (see {@link GridFile}), into one results
 * directory, K at once in one Spark application ({@code --parallel-runs K}). Rerunning a sweep
 * skips its finished runs and resumes its interrupted ones from their checkpoints.
 */
final class SweepCommand {

  @Argument(metaVar = "GRID", usage = "grid file, JSON (.json) or YAML", required = true)
  String grid;

  @Option(
      name = "-tb",
      aliases = "--tb",
      metaVar = "DIR",
      usage = "results directory of every run, any Hadoop path")
  String resultsDir = ReportCommand.DEFAULT_RESULTS;

  @Option(
      name = "--parallel-runs",
      metaVar = "K",
      usage = "runs at once, each on a driver thread with its own FAIR scheduler pool")
  int parallelRuns = 1;

  @Option(
      name = "--proc",
      metaVar = "N",
      usage =
          "Spark parallelism in local mode, local[N] (default: the grid's --proc, else all cores)")
  Integer proc;

  @Option(
      name = "--master",
      metaVar = "URL",
      usage = "Spark master (default: spark-submit's, else local[--proc])")
  String master;

  @Option(name = "--dry-run", usage = "list the runs and their ids, run nothing")
  boolean dryRun;

  @Option(name = "-h", aliases = "--help", help = true, usage = "print this help")
  boolean help;

  private SweepCommand() {}

  /** Parses {@code args} (after the word {@code sweep}), checks every run, then runs them. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    SweepCommand command = new SweepCommand();
    Integer done =
        Options.parse(
            command,
            args,
            "usage: ftsim sweep GRID [options]\n"
                + "GRID keys are ftsim train's long options; a list is an axis:\n  "
                + String.join(", ", new GridKeys().names()),
            () -> command.help,
            out,
            err);
    if (done != null) {
      return done;
    }
    List<SweepPlan.Run> runs;
    try {
      if (command.parallelRuns < 1) {
        throw new ConfigException("--parallel-runs", command.parallelRuns, "must be at least 1");
      }
      if (command.proc != null && command.proc < 1) {
        throw new ConfigException("--proc", command.proc, "must be at least 1");
      }
      Main.checkSparkSettings();
      Main.checkWritable(command.resultsDir);
      Grid parsed = GridFile.read(Path.of(command.grid));
      try {
        runs = SweepPlan.of(parsed, command.resultsDir);
      } catch (GridException e) {
        throw new GridException("grid " + command.grid + ": " + e.getMessage());
      }
    } catch (GridException | ConfigException | UserError e) {
      err.println("ftsim: " + e.getMessage());
      return Main.USAGE;
    }
    if (command.dryRun) {
      for (SweepPlan.Run run : runs) {
        out.println(run.id() + (run.label().isEmpty() ? "" : "  " + run.label()));
      }
      out.printf(Locale.ROOT, "%d runs%n", runs.size());
      return 0;
    }
    SimulationConfig first = runs.get(0).config();
    first =
        first.withRun(
            first.run().withPlacement(command.resultsDir, command.master, command.proc, null));
    SparkSession spark =
        Main.session(
            first,
            "ftsim sweep " + command.grid,
            command.parallelRuns > 1 ? Map.of("spark.scheduler.mode", "FAIR") : Map.of());
    int failed = new SweepRuns(spark, command.resultsDir, command.parallelRuns, out).run(runs);
    out.printf(
        Locale.ROOT,
        "sweep: %d runs, %d failed; results: %s (ftsim report -tb %s)%n",
        runs.size(),
        failed,
        command.resultsDir,
        command.resultsDir);
    return failed == 0 ? 0 : Main.FAILED;
  }
}
