package org.ftsim.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ftsim.CommandRuns;
import org.ftsim.aggregation.DistanceBlocks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --aggregate-on executors} writes the rows of the driver mode, bit for bit (timings aside),
 * for every rule it supports (the coordinate-wise ones, Krum, Multi-Krum, Bulyan, the geometric
 * median, centered clipping, and NNM before a coordinate-wise rule), with faults of each kind
 * (deterministic, random, crash, data, and the omniscient ALIE, IPM and mimic), and across {@code
 * --proc}; and it refuses, in one line and before the first step, what runs on the driver only.
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
    "krum, '-f 1 --fault signflip', 1",
    "krum, '-f 0 4 --fault alie', 2",
    "krum, '-f 1 6 --fault crash --fault-prob 0.5', 2",
    "multi-krum, '-f 2 --fault ipm:0.5', 1",
    "multi-krum:3, '-f 1 5 --fault mimic:worker=4 --fault-prob 0.5', 2",
    "multi-krum, '-f 0 3 --fault crash --tolerate 2', 2",
    "bulyan, '-f 1 --fault gaussian:1', 1",
    "bulyan, '-f 5 --fault alie', 2",
    "bulyan, '-f 1 2 --fault crash --fault-prob 0.5 --tolerate 1', 1",
    "geomed, '-f 1 --fault signflip', 2",
    "geomed:iters=3, '-f 2 5 --fault alie', 1",
    "geomed, '-f 0 --fault nan --tolerate 1', 2",
    "cclip, '-f 1 --fault signflip', 1",
    "'cclip:tau=0.1,zero=1', '-f 2 5 --fault alie', 2",
    "cclip:tau=0.5, '-f 1 6 --fault crash --fault-prob 0.5', 2",
    "median --pre nnm, '-f 1 --fault signflip', 1",
    "trimmed-mean:b=1 --pre nnm, '-f 2 5 --fault alie', 2",
    "meamed --pre nnm, '-f 0 3 --fault crash --fault-prob 0.5', 2",
    "mean --pre nnm, '-f 1 6 --fault ipm:0.5', 1",
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

  /**
   * Krum where the distances take more than one group (18 MLP reports of 468,874 parameters: 8.4M
   * floats, two groups of the 8M-float target): each executor block is a group and the driver adds
   * their partials, as the driver mode adds its groups'; the crashed worker's missing report sets
   * the geometry (18 arrived of 19), an omniscient fault acts per block.
   */
  @Test
  void krumOverSeveralDistanceGroups() {
    assertEquals(2, DistanceBlocks.of(18, 468_874).groups());
    assertEquals(1, DistanceBlocks.of(17, 468_874).groups());
    String tb = dir.resolve("runs").toString();
    String base =
        "-d mnist -w 19 -gb 608 --max-steps 2 --eval-every 100000 --seed 5 -df krum"
            + " -f 1 5 --fault alie --fault-of 5=crash --proc 2";
    run(base, "driver", tb);
    run(base + " --aggregate-on executors", "executors", tb);
    String driver = ResultsUnchangedTest.dump(tb, "driver");
    assertTrue(driver.contains("# workers: step"), driver);
    assertEquals(driver, ResultsUnchangedTest.dump(tb, "executors"));
  }

  @ParameterizedTest
  @CsvSource({
    "'-df mda -f 1 --fault signflip', 'rule mda runs on the driver only; on the executors:"
        + " bulyan, cclip, drop, geomed, krum, meamed, mean, median, multi-krum, none,"
        + " trimmed-mean'",
    "'-df krum -f 1 --pre nnm', 'pre-aggregators (--pre nnm) run on the driver only; on the"
        + " executors: --pre nnm before meamed, mean, median, none, trimmed-mean'",
    "'-df krum -f 1 --fault fang-krum', 'fault fang-krum reads whole honest vectors or the defense'",
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

  /**
   * A step at which too few reports arrive for the rule, even with the fallback, fails the run in
   * the driver mode's one line and status, distance-based and coordinate-wise rules alike.
   */
  @ParameterizedTest
  @CsvSource({
    "'-df krum -w 5 -gb 160 -f 0 1 2 --fault crash --tolerate 1', 'ftsim: step 1: 2 of 5"
        + " workers'' reports arrived, too few for krum: Krum needs n > 2f + 2; got n=2, f=0'",
    "'-df bulyan -w 7 -gb 224 -f 0 1 2 3 4 --fault crash --tolerate 1', 'ftsim: step 1: 2 of 7"
        + " workers'' reports arrived, too few for bulyan'",
    "'-df trimmed-mean:b=2 -w 5 -gb 160 -f 0 1 2 --fault crash --tolerate 1', 'ftsim: step 1:"
        + " 2 of 5 workers'' reports arrived, too few for trimmed-mean:b=2: '",
  })
  void tooFewReportsIsTheDriverModesOneLine(String args, String start) {
    String common = " -d synthetic --max-steps 2 --seed 11 --proc 2 -tb " + dir.resolve("few");
    CommandRuns.Outcome driver =
        CommandRuns.run(Arrays.asList((args + common + " --run-id d").split(" ")));
    CommandRuns.Outcome executors =
        CommandRuns.run(
            Arrays.asList((args + common + " --run-id e --aggregate-on executors").split(" ")));
    assertEquals(1, driver.status(), driver.err());
    assertTrue(driver.err().startsWith(start), driver.err());
    assertEquals(driver.err(), executors.err());
    assertEquals(1, executors.status());
  }

  private static void run(String args, String runId, String tb) {
    List<String> all = new ArrayList<>(Arrays.asList(args.trim().split(" +")));
    all.addAll(List.of("--run-id", runId, "-tb", tb));
    CommandRuns.ftsim(all);
  }
}
