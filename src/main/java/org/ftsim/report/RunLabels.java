package org.ftsim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Labels runs by their distinguishing settings: the keys of their configuration JSON ({@code
 * runs.config_json}, nested keys dotted as {@code correction.enabled}) whose values differ between
 * the runs of one report, e.g. {@code defense=median, seed=2}. Keys that name a run or only change
 * where and how it ran (run id, paths, master, parallelism, logging) are left out. A run whose
 * label would be empty or shared with another run is labelled (also) by its id.
 */
final class RunLabels {

  /** Configuration keys that never change the numbers a run produces. */
  static final Set<String> IGNORED =
      Set.of(
          "runId", "resultsDir", "dataDir", "master", "proc", "logEvery", "device", "importedFrom");

  /**
   * The configuration's groups whose keys name themselves ({@code defense.defense} labels as {@code
   * defense}, {@code run.seed} as {@code seed}); the keys of other groups keep their group ({@code
   * correction.enabled}).
   */
  static final Set<String> SELF_NAMED_GROUPS =
      Set.of("run", "data", "training", "faults", "defense");

  /** Labels longer than this are cut with an ellipsis. */
  static final int MAX_LENGTH = 80;

  private static final ObjectMapper JSON = new ObjectMapper();

  private RunLabels() {}

  /** The label of each run, by run id, in the order of {@code configs}. */
  static Map<String, String> of(Map<String, String> configs) {
    Map<String, Map<String, String>> settings = new LinkedHashMap<>();
    configs.forEach((id, json) -> settings.put(id, flatten(json)));
    Set<String> keys = new LinkedHashSet<>();
    settings.values().forEach(s -> keys.addAll(s.keySet()));
    List<String> distinguishing =
        keys.stream()
            .filter(k -> !IGNORED.contains(k))
            .filter(k -> settings.values().stream().map(s -> s.get(k)).distinct().count() > 1)
            .toList();
    Map<String, String> labels = new LinkedHashMap<>();
    settings.forEach(
        (id, s) ->
            labels.put(
                id,
                cut(
                    distinguishing.stream()
                        .map(k -> k + "=" + s.get(k))
                        .collect(Collectors.joining(", ")))));
    Map<String, Long> uses =
        labels.values().stream().collect(Collectors.groupingBy(l -> l, Collectors.counting()));
    labels.replaceAll(
        (id, label) ->
            label.isEmpty() ? id : uses.get(label) > 1 ? label + " (" + id + ")" : label);
    return labels;
  }

  /**
   * The configuration as dotted key → compact value, the self-named groups' keys without their
   * group; an unreadable one as no keys.
   */
  static Map<String, String> flatten(String json) {
    Map<String, String> out = new LinkedHashMap<>();
    try {
      flatten("", JSON.readTree(Objects.requireNonNullElse(json, "{}")), out);
    } catch (JsonProcessingException e) {
      out.clear();
    }
    return out;
  }

  private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
    if (node.isObject() && node.size() > 0) {
      node.fields()
          .forEachRemaining(
              f ->
                  flatten(
                      prefix.isEmpty() || SELF_NAMED_GROUPS.contains(prefix)
                          ? f.getKey()
                          : prefix + "." + f.getKey(),
                      f.getValue(),
                      out));
    } else if (!prefix.isEmpty()) {
      out.put(prefix, node.isValueNode() ? node.asText() : node.toString());
    }
  }

  private static String cut(String label) {
    return label.length() <= MAX_LENGTH ? label : label.substring(0, MAX_LENGTH - 1) + "…";
  }
}
