package org.ftsim.driver;

/**
 * A run that cannot go on for a reason the user can act on (too few reports arrived for the rule at
 * some step): the command prints this one line, the runs row says {@code failed}, and the rows
 * written so far stay.
 */
public final class RunFailure extends RuntimeException {

  private static final long serialVersionUID = 1L;

  RunFailure(String message) {
    super(message);
  }
}
