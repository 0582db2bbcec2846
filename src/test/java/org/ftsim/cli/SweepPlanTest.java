package org.ftsim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.ftsim.CommandRuns;
import org.ftsim.sweep.Grid;
import org.ftsim.sweep.GridException;
import org.junit.jupiter.api.Test;
import org.kohsuke.args4j.Option;

/**
 * A grid's runs as {@code ftsim train} would build them: the keys are train's long options, ids are
 * stable under spelling and placement, and a bad key or value is one line naming it (no Spark).
 */
class SweepPlanTest {

  static Grid grid(Object... keyValues) {
    Map<String, List<Object>> axes = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      axes.put((String) keyValues[i], v instanceof List<?> l ? new ArrayList<>(l) : List.of(v));
    }
    return new Grid(axes);
  }

  static List<SweepPlan.Run> plan(Object... keyValues) {
    return SweepPlan.of(grid(keyValues), "runs");
  }

  static String id(Object... keyValues) {
    List<SweepPlan.Run> runs = plan(keyValues);
    assertEquals(1, runs.size());
    return runs.get(0).id();
  }

  @Test
  void theKeysAreEveryLongOptionOfTrainButThoseTheSweepOwns() {
    // Oracle: the @Option annotations of TrainCommand and its superclasses, read by reflection.
    Set<String> expected = new TreeSet<>();
    List<Field> fields = new ArrayList<>();
    for (Class<?> c = TrainCommand.class; c != Object.class; c = c.getSuperclass()) {
      fields.addAll(List.of(c.getDeclaredFields()));
    }
    for (Field f : fields) {
      Option o = f.getAnnotation(Option.class);
      if (o == null) {
        continue;
      }
      List<String> names = new ArrayList<>(List.of(o.aliases()));
      names.add(o.name());
      for (String n : names) {
        if (n.startsWith("--")) {
          expected.add(n.substring(2));
        }
      }
    }
    expected.removeAll(GridKeys.SWEEP_OWNED);
    assertEquals(expected, new TreeSet<>(new GridKeys().names()));
    assertTrue(expected.containsAll(List.of("dataset", "seed", "faulty", "defense", "lr")));
  }

  @Test
  void runsAreTheProductWithTrainsConfigurationAndTheSweepsDirectory() {
    List<SweepPlan.Run> runs =
        plan(
            "dataset", "synthetic",
            "worker", 5,
            "faulty", List.of(List.of(), List.of(0, 3)),
            "defense", List.of("mean", "median"),
            "seed", List.of(1, 2, 3));
    assertEquals(12, runs.size());
    assertEquals(12, runs.stream().map(SweepPlan.Run::id).distinct().count());
    SweepPlan.Run last = runs.get(11);
    assertEquals("faulty=[0 3] defense=median seed=3", last.label());
    assertEquals(List.of(0, 3), last.config().faults().faulty());
    assertEquals("median", last.config().defense().defense());
    assertEquals(3, last.config().seed());
    assertEquals(5, last.config().workers());
    assertEquals("runs", last.config().run().resultsDir());
    assertEquals(last.id(), last.config().runId());
    // the open defaults are resolved as train resolves them: drop with -f, else mean, f declared
    assertEquals(2, last.config().defense().tolerate());
  }

  @Test
  void idsDoNotDependOnSpellingDefaultsOrPlacement() {
    String base = id("dataset", "synthetic", "lr", 0.1, "defense", "median");
    assertEquals(base, id("--dataset", "SYNTHETIC", "lr", "0.10", "defense", "median"));
    assertEquals(base, id("dataset", "synthetic", "defense", "median", "lr", 0.1, "seed", 1));
    assertEquals(
        base,
        id(
            "dataset",
            "synthetic",
            "lr",
            0.1,
            "defense",
            "median",
            "log-every",
            7,
            "checkpoint-every",
            3,
            "proc",
            1,
            "data-dir",
            "elsewhere"));
    assertNotEquals(base, id("dataset", "synthetic", "lr", 0.1, "defense", "median", "seed", 2));
    assertNotEquals(base, id("dataset", "synthetic", "lr", 0.2, "defense", "median"));
    assertNotEquals(base, id("dataset", "synthetic", "lr", 0.1, "defense", "mean"));
    // -f 0 1 spelt as a list or a string
    assertEquals(
        id("dataset", "synthetic", "faulty", List.of(List.of(0, 1))),
        id("dataset", "synthetic", "faulty", "0 1"));
    // the same run twice in a grid is one run
    assertEquals(1, plan("dataset", "synthetic", "seed", List.of(1, 1)).size());
  }

  @Test
  void switchesAreTrueOrFalse() {
    List<SweepPlan.Run> runs =
        plan("dataset", "synthetic", "faulty", 0, "correct", List.of(false, true));
    assertEquals(
        List.of(false, true), runs.stream().map(r -> r.config().correction().enabled()).toList());
    assertEquals(
        "correct: maybe (a switch: true or false)",
        assertThrows(GridException.class, () -> plan("correct", "maybe")).getMessage());
  }

  @Test
  void badKeysAndValuesAreOneLineNamingThem() {
    String unknown =
        assertThrows(GridException.class, () -> plan("dataset", "synthetic", "lrr", 0.1))
            .getMessage();
    assertTrue(
        unknown.startsWith("lrr: unknown key; valid (ftsim train's long options): dataset,"));
    assertTrue(unknown.contains(", seed,") && !unknown.contains("\n"), unknown);
    assertEquals(
        "tb: set by the sweep itself, not a grid key (results directory: ftsim sweep -tb)",
        assertThrows(GridException.class, () -> plan("tb", "x")).getMessage());
    assertEquals(
        "lr: abc: \"abc\" is not a valid value for \"--lr\"",
        assertThrows(GridException.class, () -> plan("lr", List.of(0.1, "abc"))).getMessage());
    String precondition =
        assertThrows(
                GridException.class,
                () ->
                    plan(
                        "dataset",
                        "synthetic",
                        "worker",
                        5,
                        "faulty",
                        List.of(List.of(0), List.of(0, 1)),
                        "defense",
                        "krum"))
            .getMessage();
    assertEquals(
        "run faulty=[0 1]: -df/--defense krum: Krum needs n > 2f + 2; got n=5, f=2", precondition);
    assertTrue(
        assertThrows(GridException.class, () -> plan("dataset", List.of("synthetic", "nope")))
            .getMessage()
            .startsWith("run dataset=nope: -d/--dataset nope: "));
  }

  @Test
  void theCommandRefusesABadGridBeforeAnyRunWithStatus2(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    java.nio.file.Path g =
        java.nio.file.Files.writeString(
            dir.resolve("g.yaml"), "dataset: synthetic\nseed: [1, 2]\nworker: [4, zero]\n");
    CommandRuns.Outcome o =
        CommandRuns.run(List.of("sweep", g.toString(), "-tb", dir.resolve("runs").toString()));
    assertEquals(2, o.status());
    assertEquals(
        "ftsim: grid " + g + ": worker: zero: \"zero\" is not a valid value for \"--worker\"\n",
        o.err());
    assertTrue(!java.nio.file.Files.exists(dir.resolve("runs")), "nothing written");
  }
}
