package org.ftsim.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftsim.CommandRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --aggregate-on executors} writes the rows of the driver mode, bit for bit (timings aside),
 * for every rule it supports, with faults of each kind (deterministic, random, crash, data, and the
 * omniscient ALIE, IPM and mimic), and across {@code --proc}; and it refuses, in one line and
 * before the first step, what runs on the driver only.
 */
class AggregateOnExecutorsTest {

  static final String COMMON = " -d synthetic -w 7 -gb 224 --max-steps 4 --seed 11 --eval-every 2";

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "mean, '-f 1 --fault labelflip', 1",
    "median, '-f 1 4 --fault signflip', 2",
    "trimmed-mean:b=2, '-f 2 5 --fault gaussian:1', 1",
    "meamed, '-f 0 --fault crash', 2",
    "drop, '-f 3 --fault scale:10', 2",
    "median, '-f 1 6 --fault crash --fault-prob 0.5', 2",
    "trimmed-mean:b=2, '-f 0 3 --fault alie', 2",
    "median, '-f 2 3 --fault ipm:0.5 --fault-of 3=mimic', 1",
    "meamed, '-f 1 5 --fault mimic:worker=4 --fault-prob 0.5', 2",
    "mean, '-f 2 6 --fault alie --fault-of 6=signflip', 2",
  })
  void rowsAreTheDriverModesBitForBit(String rule, String faults, int proc) {
    String tb = dir.resolve("runs").toString();
    String base = "-df " + rule + " " + faults + COMMON;
    run(base + " --proc 2", "driver", tb);
    run(base + " --proc " + proc + " --aggregate-on executors", "executors", tb);
    String driver = ResultsUnchangedTest.dump(tb, "driver");
    String executors = ResultsUnchangedTest.dump(tb, "executors");
    assertTrue(driver.contains("# workers: step"), driver);
    assertEquals(driver, executors, rule + " " + faults);
  }

  /**
   * The 1,024-worker path on a small model (the linear dummy regression, 4 samples per worker):
   * both modes write 1,024 workers rows per step, the same bits, an omniscient and a random fault
   * included.
   */
  @Test
  void aThousandWorkersOnASmallModel() {
    String tb = dir.resolve("runs").toString();
    String base =
        "-d dummy -w 1024 -gb 4096 -e 2 --max-steps 2 --seed 3 -df trimmed-mean:b=40"
            + " -f 3 500 1000 --fault alie --fault-of 500=gaussian:1 --proc 2";
    run(base, "driver", tb);
    run(base + " --aggregate-on executors", "executors", tb);
    String driver = ResultsUnchangedTest.dump(tb, "driver");
    assertEquals(driver, ResultsUnchangedTest.dump(tb, "executors"));
    long workerRows =
        driver
            .lines()
            .dropWhile(l -> !l.startsWith("# workers"))
            .skip(1)
            .takeWhile(l -> !l.startsWith("#"))
            .count();
    assertEquals(2 * 1024, workerRows);
  }

  @ParameterizedTest
  @CsvSource({
    "'-df krum -f 1 --fault signflip', 'rule krum runs on the driver only; on the executors:"
        + " drop, meamed, mean, median, none, trimmed-mean'",
    "'-df geomed -f 1 --fault alie', 'rule geomed runs on the driver only'",
    "'-df median -f 1 --correct', 'correction (--correct) runs on the driver only'",
    "'-df median -f 1 --detect zscore', 'detection (--detect zscore) runs on the driver only'",
    "'-df median --pre bucketing:2', 'pre-aggregators (--pre bucketing:2) run on the driver"
        + " only'",
    "'-df mean --aggregate-on everywhere', '--aggregate-on everywhere: valid: driver, executors'",
  })
  void refusesWhatRunsOnTheDriverOnly(String args, String message) {
    List<String> all = new ArrayList<>(Arrays.asList((args + COMMON).trim().split(" ")));
    if (!args.contains("--aggregate-on")) {
      all.addAll(List.of("--aggregate-on", "executors"));
    }
    all.addAll(List.of("-tb", dir.resolve("refused").toString()));
    CommandRuns.Outcome o = CommandRuns.run(all);
    assertEquals(2, o.status(), o.err());
    String line = o.err().strip();
    assertFalse(line.contains("\n"), line);
    assertTrue(line.startsWith("ftsim: "), line);
    assertTrue(line.contains(message), line);
    assertTrue(
        args.contains("everywhere") || line.startsWith("ftsim: --aggregate-on executors: "), line);
  }

  private static void run(String args, String runId, String tb) {
    List<String> all = new ArrayList<>(Arrays.asList(args.trim().split(" +")));
    all.addAll(List.of("--run-id", runId, "-tb", tb));
    CommandRuns.ftsim(all);
  }
}
