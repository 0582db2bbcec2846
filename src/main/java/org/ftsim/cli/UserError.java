package org.ftsim.cli;

/** Bad input from the user: printed as one line, exit status 2, nothing written. */
final class UserError extends RuntimeException {

  private static final long serialVersionUID = 1L;

  UserError(String message) {
    super(message);
  }
}
