package org.ftsim.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.ftsim.sweep.GridException;
import org.kohsuke.args4j.NamedOptionDef;
import org.kohsuke.args4j.spi.BooleanOptionHandler;
import org.kohsuke.args4j.spi.OptionHandler;

/**
 * The keys of a grid file: {@code ftsim train}'s long options, read from its args4j annotations (a
 * new train option is a grid key with no change here), but for those the sweep decides itself: the
 * run id, resumption, the results directory, the master, data collection and help. A grid point
 * becomes the train arguments it stands for.
 */
final class GridKeys {

  /** Train options that are not grid keys: the sweep sets them, or they end a run early. */
  static final Set<String> SWEEP_OWNED =
      Set.of("run-id", "resume", "tb", "master", "data_coll_path", "data-coll-path", "help");

  /** Each valid key (long name without "--"; aliases too) and the handler of its option. */
  private final Map<String, OptionHandler<?>> keys = new LinkedHashMap<>();

  /** Each key's flag as written on the command line (its first long name). */
  private final Map<String, String> flags = new LinkedHashMap<>();

  GridKeys() {
    for (OptionHandler<?> handler : Options.parser(new TrainCommand()).getOptions()) {
      if (!(handler.option instanceof NamedOptionDef named)) {
        continue;
      }
      List<String> names = new ArrayList<>();
      names.add(named.name());
      names.addAll(List.of(named.aliases()));
      String flag = names.stream().filter(n -> n.startsWith("--")).findFirst().orElse(null);
      if (flag == null) {
        continue;
      }
      for (String name : names) {
        String key = name.replaceFirst("^--?", "");
        if (name.startsWith("--") && !SWEEP_OWNED.contains(key)) {
          keys.put(key, handler);
          flags.put(key, flag);
        }
      }
    }
  }

  /** The valid keys, in train's option order. */
  List<String> names() {
    return List.copyOf(keys.keySet());
  }

  /** The flag of {@code key} ({@code --worker} for {@code worker}). */
  String flag(String key) {
    return flags.get(key);
  }

  /** Refuses a key that is not one of {@link #names()}, listing the valid ones. */
  void check(String key) {
    if (SWEEP_OWNED.contains(key)) {
      throw new GridException(
          key + ": set by the sweep itself, not a grid key (results directory: ftsim sweep -tb)");
    }
    if (!keys.containsKey(key)) {
      throw new GridException(
          key + ": unknown key; valid (ftsim train's long options): " + String.join(", ", names()));
    }
  }

  /**
   * The train arguments of {@code key} given {@code value}: a flag for {@code true} (nothing for
   * {@code false}) of a switch such as {@code correct}; the flag once per item of a list or of a
   * space- or comma-separated string for an option taking several values ({@code faulty}, {@code
   * fault-of}; an empty list gives nothing); else the flag and the value.
   */
  List<String> args(String key, Object value) {
    check(key);
    OptionHandler<?> handler = keys.get(key);
    String flag = flags.get(key);
    List<String> args = new ArrayList<>();
    if (handler instanceof BooleanOptionHandler) {
      if (!(value instanceof Boolean) && !"true".equals(value) && !"false".equals(value)) {
        throw new GridException(key + ": " + value + " (a switch: true or false)");
      }
      if (Boolean.parseBoolean(String.valueOf(value))) {
        args.add(flag);
      }
      return args;
    }
    if (handler.setter.isMultiValued()) {
      List<?> items =
          value instanceof List<?> list
              ? list
              : List.of(
                  String.valueOf(value).strip().split(key.equals("fault-of") ? "\\s+" : "[\\s,]+"));
      for (Object item : items) {
        String text = String.valueOf(item).strip();
        if (!text.isEmpty()) {
          args.add(flag);
          args.add(text);
        }
      }
      return args;
    }
    if (value instanceof List<?>) {
      throw new GridException(key + ": " + value + " (takes one value; a list inside a list)");
    }
    args.add(flag);
    args.add(String.valueOf(value));
    return args;
  }

  /** The train arguments of a whole grid point, in its key order. */
  List<String> args(Map<String, Object> point) {
    List<String> args = new ArrayList<>();
    point.forEach((key, value) -> args.addAll(args(key, value)));
    return args;
  }
}
