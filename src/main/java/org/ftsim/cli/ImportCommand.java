package org.ftsim.cli;

import java.io.PrintStream;
import java.util.Locale;
import org.apache.spark.sql.SparkSession;
import org.ftsim.config.ConfigException;
import org.ftsim.tensorboard.Import;
import org.kohsuke.args4j.Argument;
import org.kohsuke.args4j.Option;

/**
 * {@code ftsim import-tensorboard DIR [-tb RESULTS]}: TensorBoard event files under DIR as runs of
 * status {@code imported}, beside ftsim's own in the results directory.
 */
final class ImportCommand {

  @Argument(
      metaVar = "DIR",
      usage = "folder of TensorBoard runs: every folder under it holding event files is one run")
  String dir;

  @Option(
      name = "-tb",
      aliases = "--tb",
      metaVar = "RESULTS",
      usage = "results directory to add the runs to, any Hadoop path")
  String resultsDir = "runs";

  @Option(name = "-h", aliases = "--help", help = true, usage = "print this help")
  boolean help;

  private ImportCommand() {}

  /** Parses {@code args} (after the command's name), reads every event file, then writes. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    ImportCommand command = new ImportCommand();
    Integer done =
        Options.parse(
            command,
            args,
            "usage: ftsim import-tensorboard DIR [options]",
            () -> command.help,
            out,
            err);
    if (done != null) {
      return done;
    }
    if (command.dir == null) {
      err.println("ftsim: import-tensorboard DIR: no folder given");
      return Main.USAGE;
    }
    long start = System.nanoTime();
    Import imported;
    try {
      Main.checkWritable(command.resultsDir);
      imported = Import.read(command.dir, line -> err.println("ftsim: warning: " + line));
      imported.write(session(), command.resultsDir);
    } catch (ConfigException e) {
      err.println("ftsim: " + e.getMessage());
      return Main.USAGE;
    }
    imported.runs().forEach(run -> out.println(Import.describe(run)));
    out.printf(
        Locale.ROOT,
        "results: %s (%d run%s imported in %.1f s)%n",
        command.resultsDir,
        imported.runs().size(),
        imported.runs().size() == 1 ? "" : "s",
        (System.nanoTime() - start) / 1e9);
    return 0;
  }

  /** The active session, or a new local one unless a master is configured. */
  private static SparkSession session() {
    scala.Option<SparkSession> running =
        SparkSession.getActiveSession().orElse(SparkSession::getDefaultSession);
    if (running.isDefined()) {
      return running.get();
    }
    SparkSession.Builder builder = SparkSession.builder().appName("ftsim import-tensorboard");
    if (!new org.apache.spark.SparkConf().contains("spark.master")) {
      builder.master("local[*]").config("spark.ui.enabled", "false");
    }
    return builder.getOrCreate();
  }
}
