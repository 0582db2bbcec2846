package org.ftsim.config;

/**
 * Where and how a run executes, and its schedule: nothing here but the seed, the step limit and the
 * evaluation schedule changes its numbers.
 *
 * @param runId run identifier, or null to generate one
 * @param resultsDir the results directory (any Hadoop path)
 * @param dataDir directory holding one folder per dataset
 * @param master Spark master, or null for local[proc] (or spark-submit's)
 * @param proc Spark parallelism in local mode and the partition count; 0 for all cores
 * @param device compute device; only cpu
 * @param seed the one seed
 * @param maxSteps stop after this many steps, or 0 for no limit
 * @param evalEvery evaluate every N steps, or 0 for half and full epochs
 * @param logEvery print a step line every N steps
 * @param checkpointEvery write a checkpoint every N steps (and at the end), or 0 for none
 */
public record RunConfig(
    String runId,
    String resultsDir,
    String dataDir,
    String master,
    int proc,
    String device,
    long seed,
    long maxSteps,
    int evalEvery,
    int logEvery,
    int checkpointEvery) {

  /** SPEC §3's defaults. */
  public static RunConfig defaults() {
    return new RunConfig(null, "runs", "data", null, 0, "cpu", 1, 0, 0, 1, 0);
  }

  /** With run id {@code id}. */
  public RunConfig withRunId(String id) {
    return new RunConfig(
        id,
        resultsDir,
        dataDir,
        master,
        proc,
        device,
        seed,
        maxSteps,
        evalEvery,
        logEvery,
        checkpointEvery);
  }

  /**
   * With the settings that a resumed run may change, since they do not change its numbers: the
   * results directory and, where not null, master, parallelism and checkpoint interval.
   */
  public RunConfig withPlacement(
      String resultsDir, String master, Integer proc, Integer checkpointEvery) {
    return new RunConfig(
        runId,
        resultsDir,
        dataDir,
        master != null ? master : this.master,
        proc != null ? proc : this.proc,
        device,
        seed,
        maxSteps,
        evalEvery,
        logEvery,
        checkpointEvery != null ? checkpointEvery : this.checkpointEvery);
  }
}
