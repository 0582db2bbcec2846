package org.ftsim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunLabelsTest {

  private static Map<String, String> configs(String... idAndJson) {
    Map<String, String> configs = new LinkedHashMap<>();
    for (int i = 0; i < idAndJson.length; i += 2) {
      configs.put(idAndJson[i], idAndJson[i + 1]);
    }
    return configs;
  }

  /** Today's grouped configuration labels as the flat one of older runs did. */
  @Test
  void selfNamedGroupsLabelByTheirKeysOthersKeepTheGroup() {
    Map<String, String> labels =
        RunLabels.of(
            configs(
                "a",
                    "{\"run\":{\"runId\":\"a\",\"seed\":1},\"defense\":{\"defense\":\"median\"},"
                        + "\"correction\":{\"enabled\":false}}",
                "b",
                    "{\"run\":{\"runId\":\"b\",\"seed\":2},\"defense\":{\"defense\":\"krum\"},"
                        + "\"correction\":{\"enabled\":true}}"));
    assertEquals(
        Map.of(
            "a", "seed=1, defense=median, correction.enabled=false",
            "b", "seed=2, defense=krum, correction.enabled=true"),
        labels);
  }

  @Test
  void labelsByTheKeysThatDifferNestedKeysDotted() {
    Map<String, String> labels =
        RunLabels.of(
            configs(
                "a",
                    "{\"runId\":\"a\",\"workers\":16,\"defense\":\"median\",\"correction\":{\"enabled\":false}}",
                "b",
                    "{\"runId\":\"b\",\"workers\":16,\"defense\":\"krum\",\"correction\":{\"enabled\":true}}"));
    assertEquals(
        Map.of(
            "a",
            "defense=median, correction.enabled=false",
            "b",
            "defense=krum, correction.enabled=true"),
        labels);
  }

  @Test
  void settingsThatDoNotChangeResultsAreIgnored() {
    Map<String, String> labels =
        RunLabels.of(
            configs(
                "a", "{\"proc\":1,\"resultsDir\":\"x\",\"logEvery\":1,\"seed\":1}",
                "b", "{\"proc\":2,\"resultsDir\":\"y\",\"logEvery\":9,\"seed\":2}"));
    assertEquals(Map.of("a", "seed=1", "b", "seed=2"), labels);
  }

  @Test
  void identicalSettingsFallBackToTheRunIdAndSharedLabelsGetIt() {
    assertEquals(
        Map.of("a", "a", "b", "b"),
        RunLabels.of(configs("a", "{\"seed\":1}", "b", "{\"seed\":1}")));
    assertEquals(
        Map.of("a", "seed=1 (a)", "b", "seed=1 (b)", "c", "seed=2"),
        RunLabels.of(
            configs(
                "a", "{\"seed\":1,\"proc\":1}",
                "b", "{\"seed\":1,\"proc\":2}",
                "c", "{\"seed\":2,\"proc\":1}")));
    assertEquals(Map.of("only", "only"), RunLabels.of(configs("only", "{\"seed\":1}")));
  }

  @Test
  void arraysAndMissingKeysAreValuesAndLongLabelsAreCut() {
    assertEquals(
        Map.of("a", "faulty=[0,1], pre=null", "b", "faulty=[], pre=clip:1"),
        RunLabels.of(
            configs("a", "{\"faulty\":[0,1]}", "b", "{\"faulty\":[],\"pre\":\"clip:1\"}")));
    String longValue = "x".repeat(200);
    String label =
        RunLabels.of(configs("a", "{\"fault\":\"" + longValue + "\"}", "b", "{\"fault\":\"y\"}"))
            .get("a");
    assertEquals(RunLabels.MAX_LENGTH, label.length());
    assertEquals('…', label.charAt(label.length() - 1));
  }

  @Test
  void anUnreadableConfigHasNoSettings() {
    assertEquals(
        Map.of("a", "seed=null", "b", "seed=1"),
        RunLabels.of(configs("a", "not json", "b", "{\"seed\":1}")));
  }
}
