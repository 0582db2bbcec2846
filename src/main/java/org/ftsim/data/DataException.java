package org.ftsim.data;

/** A dataset could not be read: a missing, truncated or malformed file, named in the message. */
public final class DataException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** A failure described by {@code message}. */
  public DataException(String message) {
    super(message);
  }

  /** A failure described by {@code message}, caused by {@code cause}. */
  public DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
