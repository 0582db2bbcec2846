package org.ftsim.sweep;

/** A bad grid file or value: one line naming the key and the value; the CLI exits with status 2. */
public final class GridException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error described entirely by {@code message}. */
  public GridException(String message) {
    super(message);
  }
}
