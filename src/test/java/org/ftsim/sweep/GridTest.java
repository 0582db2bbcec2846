package org.ftsim.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Grid expansion, grid files in both formats, run ids and the progress line. */
class GridTest {

  @TempDir Path dir;

  static Grid grid(Object... keyValues) {
    Map<String, List<Object>> axes = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      Object v = keyValues[i + 1];
      axes.put((String) keyValues[i], v instanceof List<?> l ? List.copyOf(l) : List.of(v));
    }
    return new Grid(axes);
  }

  @Test
  void pointsAreTheCartesianProductLastKeyFastest() {
    Grid g = grid("defense", List.of("mean", "median", "krum"), "lr", 0.1, "seed", List.of(1, 2));
    assertEquals(6, g.size());
    List<Map<String, Object>> points = g.points();
    assertEquals(6, points.size());
    assertEquals(Map.of("defense", "mean", "lr", 0.1, "seed", 1), points.get(0));
    assertEquals(Map.of("defense", "mean", "lr", 0.1, "seed", 2), points.get(1));
    assertEquals(Map.of("defense", "median", "lr", 0.1, "seed", 1), points.get(2));
    assertEquals(Map.of("defense", "krum", "lr", 0.1, "seed", 2), points.get(5));
    // every combination once
    assertEquals(6, Set.copyOf(points).size());
    assertEquals(List.of("defense", "seed"), g.varying());
    assertEquals(List.of("defense", "lr", "seed"), List.copyOf(points.get(3).keySet()));
  }

  @Test
  void aGridOfScalarsIsOneRunAndAnEmptyAxisIsRefused() {
    assertEquals(1, grid("lr", 0.1, "seed", 4).points().size());
    GridException e = assertThrows(GridException.class, () -> grid("seed", List.of()));
    assertTrue(e.getMessage().startsWith("seed: []"), e.getMessage());
  }

  @Test
  void yamlAndJsonFilesGiveTheSameGrid() throws IOException {
    Path yaml =
        Files.writeString(
            dir.resolve("g.yaml"),
            "# a comment\n--dataset: mnist\nfaulty: [[], [0], [0, 1]]\nlr: 0.1\nseed: [1, 2, 3]\n"
                + "correct: [false, true]\n");
    Path json =
        Files.writeString(
            dir.resolve("g.json"),
            "{\"dataset\": \"mnist\", \"faulty\": [[], [0], [0, 1]], \"lr\": 0.1,"
                + " \"seed\": [1, 2, 3], \"correct\": [false, true]}");
    Grid a = GridFile.read(yaml);
    Grid b = GridFile.read(json);
    assertEquals(a, b);
    assertEquals(18, a.size());
    assertEquals(List.of(List.of(), List.of(0), List.of(0, 1)), a.axes().get("faulty"));
    assertEquals(List.of(false, true), a.axes().get("correct"));
  }

  @Test
  void badFilesNameTheLineOrKey() throws IOException {
    assertEquals(
        "grid " + dir.resolve("d.yaml") + ": line 2: found duplicate key seed",
        message(Files.writeString(dir.resolve("d.yaml"), "seed: 1\nseed: 2\n")));
    assertTrue(
        message(Files.writeString(dir.resolve("d.json"), "{\"seed\": 1, \"seed\": 2}"))
            .contains("line 1: Duplicate field 'seed'"));
    assertTrue(
        message(Files.writeString(dir.resolve("n.yaml"), "lr:\n  a: 1\n"))
            .endsWith(
                ": lr: {a=1} (a value is a scalar, or a list of scalars for an option such"
                    + " as faulty that takes several)"));
    assertTrue(
        message(Files.writeString(dir.resolve("null.yaml"), "lr:\n"))
            .endsWith(": lr: null (give a value, or leave the key out)"));
    assertTrue(
        message(Files.writeString(dir.resolve("list.yaml"), "- 1\n- 2\n"))
            .endsWith(": expected a mapping from train options to values, e.g. seed: [1, 2, 3]"));
    assertTrue(
        message(Files.writeString(dir.resolve("bad.json"), "{\"seed\": [1, 2}"))
            .contains(": line 1: "));
    assertEquals(
        "grid " + dir.resolve("missing.yaml") + ": no such file",
        message(dir.resolve("missing.yaml")));
  }

  static String message(Path file) {
    return assertThrows(GridException.class, () -> GridFile.read(file)).getMessage();
  }

  @Test
  void runIdsHashTheSettingsInAnyOrder() {
    Map<String, String> a = new LinkedHashMap<>();
    a.put("run.seed", "2");
    a.put("defense.defense", "\"krum\"");
    Map<String, String> b = new LinkedHashMap<>();
    b.put("defense.defense", "\"krum\"");
    b.put("run.seed", "2");
    assertEquals(RunId.of("mnist", a), RunId.of("mnist", b));
    assertTrue(RunId.of("mnist", a).matches("mnist-[0-9a-f]{12}"));
    b.put("run.seed", "3");
    assertNotEquals(RunId.of("mnist", a), RunId.of("mnist", b));
    // A known value: SHA-256 of "defense.defense=\"krum\"\nrun.seed=2\n", first 12 hex digits.
    assertEquals("mnist-" + sha256("defense.defense=\"krum\"\nrun.seed=2\n"), RunId.of("mnist", a));
  }

  static String sha256(String s) {
    try {
      byte[] d =
          java.security.MessageDigest.getInstance("SHA-256")
              .digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder();
      for (int i = 0; i < 6; i++) {
        hex.append(String.format("%02x", d[i]));
      }
      return hex.toString();
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void settingsAreTheDifferencesFromTheBaselineButPlacement() {
    Map<String, String> config =
        Map.of("run.seed", "2", "run.lr", "0.1", "run.resultsDir", "\"x\"", "new.option", "1");
    Map<String, String> baseline =
        Map.of("run.seed", "1", "run.lr", "0.1", "run.resultsDir", "\"runs\"", "gone", "5");
    assertEquals(
        Map.of("run.seed", "2", "new.option", "1", "gone", "<none>"),
        RunId.settings(config, baseline, Set.of("run.resultsDir")));
  }

  @Test
  void progressCountsDoneRunsAndEstimatesFromThisInvocationsRate() {
    long s = 1_000_000_000L;
    Progress p = new Progress(12, 2, 0);
    assertEquals(
        "sweep 3/12 · elapsed 10s · remaining ~1m30s · r1 finished",
        p.completed("r1 finished", 10 * s));
    // 2 runs completed here in 30 s: 15 s per run, 8 left → 2m00s
    assertEquals("sweep 4/12 · elapsed 30s · remaining ~2m00s · r2", p.completed("r2", 30 * s));
    assertEquals("1h02m", Progress.duration(3720));
  }
}
