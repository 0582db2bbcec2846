package org.ftsim.cli;

import java.io.PrintStream;
import java.util.function.BooleanSupplier;
import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.ParserProperties;

/** Parsing a command's arguments into its options object, the way every ftsim command does. */
final class Options {

  private Options() {}

  /** A parser for {@code command}'s annotated fields, in declaration order, 100 columns wide. */
  static CmdLineParser parser(Object command) {
    return new CmdLineParser(
        command, ParserProperties.defaults().withUsageWidth(100).withOptionSorter(null));
  }

  /**
   * Parses {@code args} into {@code command}; returns null to go on, or the exit status when done:
   * 0 after printing {@code usage} and the options for {@code --help}, {@link Main#USAGE} after one
   * line for a parse error.
   */
  static Integer parse(
      Object command,
      String[] args,
      String usage,
      BooleanSupplier help,
      PrintStream out,
      PrintStream err) {
    CmdLineParser parser = parser(command);
    try {
      parser.parseArgument(args);
    } catch (CmdLineException e) {
      err.println("ftsim: " + e.getMessage());
      return Main.USAGE;
    }
    if (help.getAsBoolean()) {
      out.println(usage);
      parser.printUsage(out);
      return 0;
    }
    return null;
  }
}
