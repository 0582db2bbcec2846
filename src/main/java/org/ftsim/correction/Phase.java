package org.ftsim.correction;

import java.util.Locale;

/** What a step does with the faulty workers' gradients; the {@code phase} column of §8. */
public enum Phase {
  /** No correction: the defense sees every report as it is. */
  NORMAL,
  /**
   * The faulty workers compute healthy workers' sub-batches; their (corrupted, true) gradients
   * become training pairs and are left out of the aggregate (k = n − f).
   */
  REPLICA,
  /** The faulty workers' gradients are replaced by their correction and aggregated (k = n). */
  CORRECTED;

  /** The name written to the results, e.g. {@code replica}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
