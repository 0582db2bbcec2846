package org.ftsim.base;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed component specification of the form {@code name}, {@code name:v1,v2} (positional values)
 * or {@code name:key=value,...} (named values), as used by {@code --fault}, {@code -df} and {@code
 * --pre}.
 *
 * @param text the specification as the user wrote it
 * @param name the component name, lower case
 * @param positional positional values, in order
 * @param named named values, in the order given
 */
public record Spec(String text, String name, List<String> positional, Map<String, String> named) {

  /** Parses {@code text}; a malformed one throws {@link IllegalArgumentException}. */
  public static Spec parse(String text) {
    String trimmed = text.trim();
    int colon = trimmed.indexOf(':');
    String name =
        (colon < 0 ? trimmed : trimmed.substring(0, colon).trim())
            .toLowerCase(java.util.Locale.ROOT);
    if (name.isEmpty()) {
      throw new IllegalArgumentException("empty name in '" + text + "'");
    }
    List<String> positional = new ArrayList<>();
    Map<String, String> named = new LinkedHashMap<>();
    if (colon >= 0) {
      String rest = trimmed.substring(colon + 1);
      if (rest.isEmpty()) {
        throw new IllegalArgumentException("missing value after ':' in '" + text + "'");
      }
      for (String part : rest.split(",", -1)) {
        String p = part.trim();
        if (p.isEmpty()) {
          throw new IllegalArgumentException("empty value in '" + text + "'");
        }
        int eq = p.indexOf('=');
        if (eq >= 0) {
          named.put(
              p.substring(0, eq).trim().toLowerCase(java.util.Locale.ROOT),
              p.substring(eq + 1).trim());
        } else {
          if (!named.isEmpty()) {
            throw new IllegalArgumentException(
                "positional value after named ones in '" + text + "'");
          }
          positional.add(p);
        }
      }
    }
    return new Spec(trimmed, name, List.copyOf(positional), Map.copyOf(named));
  }

  /**
   * The value of the parameter at position {@code index} or named {@code key}, or {@code fallback}
   * when absent. A non-numeric value throws {@link IllegalArgumentException}.
   */
  public double number(int index, String key, double fallback) {
    String value = value(index, key);
    return value == null ? fallback : parseNumber(value, key);
  }

  /**
   * The integer parameter at position {@code index} or named {@code key}, or {@code fallback} when
   * absent (returned as is, unchecked). The value is read as a number, so {@code 100}, {@code 1e2}
   * and {@code 100.0} are all 100.
   *
   * @param min the smallest valid value; {@link Integer#MIN_VALUE} for any int
   * @throws IllegalArgumentException when the value is not a number, not integral, below {@code
   *     min} or above {@link Integer#MAX_VALUE}, naming the component, the key, the value as
   *     written and the spec, e.g. {@code geomed iters must be an integer >= 0; got 2.5 in
   *     'geomed:1e-6,2.5'}
   */
  public int integer(int index, String key, int fallback, int min) {
    String value = value(index, key);
    if (value == null) {
      return fallback;
    }
    double v = parseNumber(value, key);
    boolean integral = v == Math.rint(v); // false for NaN
    if (integral && v >= min && v <= Integer.MAX_VALUE) {
      return (int) v;
    }
    String range =
        integral && (v > Integer.MAX_VALUE || v < min && min == Integer.MIN_VALUE)
            ? " in [" + min + ", " + Integer.MAX_VALUE + "]"
            : min == Integer.MIN_VALUE ? "" : " >= " + min;
    throw new IllegalArgumentException(
        name + " " + key + " must be an integer" + range + "; got " + value + " in '" + text + "'");
  }

  /** The text of the parameter at {@code index} or named {@code key}; null when absent. */
  private String value(int index, String key) {
    return index < positional.size() ? positional.get(index) : named.get(key);
  }

  private double parseNumber(String value, String key) {
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + value + "' is not a number (parameter " + key + " of '" + text + "')");
    }
  }

  /** Whether the parameter at {@code index} or named {@code key} was given. */
  public boolean has(int index, String key) {
    return index < positional.size() || named.containsKey(key);
  }

  /**
   * Checks that at most {@code keys.size()} positional values were given and that every named key
   * is one of {@code keys}; otherwise throws, listing the valid keys.
   */
  public Spec requireKeys(List<String> keys) {
    if (positional.size() > keys.size()) {
      throw new IllegalArgumentException(
          "'"
              + text
              + "' takes at most "
              + keys.size()
              + " value(s)"
              + (keys.isEmpty() ? "" : " " + keys));
    }
    Set<String> valid = Set.copyOf(keys);
    for (String key : named.keySet()) {
      if (!valid.contains(key)) {
        throw new IllegalArgumentException(
            "unknown parameter '" + key + "' in '" + text + "'; valid: " + keys);
      }
    }
    return this;
  }
}
