package org.ftsim.sweep;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stable id of a run of a sweep: {@code DATASET-HASH}, HASH the first 12 hex digits of the
 * SHA-256 of the run's canonical settings ({@code key=value} lines in key order). The settings are
 * those in which the run's resolved configuration differs from the baseline run of its dataset
 * ({@code ftsim train -d DATASET}), placement left out (results and data folders, master,
 * parallelism, logging, checkpoint interval), so that the same run has the same id however the grid
 * spells it ({@code lr: 0.1} or {@code 0.10}, a default given or left out) and a later version that
 * adds an option at a default that changes nothing keeps every id.
 */
public final class RunId {

  private static final int HEX_DIGITS = 12;

  private RunId() {}

  /** The id of a run of {@code dataset} with {@code settings} (path → value, any order). */
  public static String of(String dataset, Map<String, String> settings) {
    StringBuilder canonical = new StringBuilder();
    new TreeMap<>(settings)
        .forEach((k, v) -> canonical.append(k).append('=').append(v).append('\n'));
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
      String hex = HexFormat.of().formatHex(digest).substring(0, HEX_DIGITS);
      return dataset.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + hex;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /**
   * The canonical settings: the entries of {@code config} (flattened path → value) that differ from
   * {@code baseline}'s, but for the {@code placement} paths; entries only in the baseline count as
   * differing (their value is then {@code <none>}).
   */
  public static Map<String, String> settings(
      Map<String, String> config, Map<String, String> baseline, java.util.Set<String> placement) {
    Map<String, String> out = new TreeMap<>();
    config.forEach(
        (k, v) -> {
          if (!placement.contains(k) && !v.equals(baseline.get(k))) {
            out.put(k, v);
          }
        });
    baseline.forEach(
        (k, v) -> {
          if (!placement.contains(k) && !config.containsKey(k)) {
            out.put(k, "<none>");
          }
        });
    return out;
  }
}
