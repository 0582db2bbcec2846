package org.ftsim.cli;

import org.kohsuke.args4j.CmdLineException;
import org.kohsuke.args4j.CmdLineParser;
import org.kohsuke.args4j.OptionDef;
import org.kohsuke.args4j.spi.OptionHandler;
import org.kohsuke.args4j.spi.Parameters;
import org.kohsuke.args4j.spi.Setter;

/**
 * {@code -f I ...}: every following argument that is an integer, negative ones included (args4j's
 * own array handler stops at a leading '-' and calls {@code -1} an unknown option), so that a bad
 * index is refused by the check that names the flag and its range.
 */
public final class WorkerIndices extends OptionHandler<String> {

  /** args4j's constructor. */
  public WorkerIndices(CmdLineParser parser, OptionDef option, Setter<? super String> setter) {
    super(parser, option, setter);
  }

  @Override
  public int parseArguments(Parameters params) throws CmdLineException {
    int taken = 0;
    while (taken < params.size()) {
      String arg = params.getParameter(taken);
      if (arg.startsWith("-") && !arg.matches("-\\d+")) {
        break;
      }
      setter.addValue(arg);
      taken++;
    }
    return taken;
  }

  @Override
  public String getDefaultMetaVariable() {
    return "I ...";
  }
}
