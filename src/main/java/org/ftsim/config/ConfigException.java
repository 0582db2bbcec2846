package org.ftsim.config;

/** A user error in the configuration: names the flag and the value; the CLI exits with status 2. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** An error about {@code flag} given {@code value}, explained by {@code reason}. */
  public ConfigException(String flag, Object value, String reason) {
    super(flag + " " + value + ": " + reason);
  }

  /** An error described entirely by {@code message}. */
  public ConfigException(String message) {
    super(message);
  }
}
