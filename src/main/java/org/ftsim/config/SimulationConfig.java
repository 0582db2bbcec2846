package org.ftsim.config;

/**
 * Everything that defines one simulation run (SPEC §3): plain values, grouped as the command line
 * groups them, immutable and serialisable to JSON (the runs table's {@code config_json}). Open
 * defaults are filled in, and the whole checked against the run, when the run is assembled ({@code
 * org.ftsim.driver.Assembly}).
 *
 * @param run where and how it executes, the seed and the schedule
 * @param data the dataset, the workers and how the data is dealt
 * @param training the network and its optimisation
 * @param faults the faulty workers and their faults
 * @param defense the aggregation
 * @param correction the gradient-correction options
 */
public record SimulationConfig(
    RunConfig run,
    DataConfig data,
    TrainingConfig training,
    FaultConfig faults,
    DefenseConfig defense,
    CorrectionConfig correction) {

  /** The defaults of SPEC §3, before per-dataset resolution. */
  public static SimulationConfig defaults() {
    return new SimulationConfig(
        RunConfig.defaults(),
        DataConfig.defaults(),
        TrainingConfig.defaults(),
        FaultConfig.defaults(),
        DefenseConfig.defaults(),
        CorrectionConfig.off());
  }

  /** With {@code run} instead. */
  public SimulationConfig withRun(RunConfig run) {
    return new SimulationConfig(run, data, training, faults, defense, correction);
  }

  /** With {@code data} instead. */
  public SimulationConfig withData(DataConfig data) {
    return new SimulationConfig(run, data, training, faults, defense, correction);
  }

  /** With {@code training} instead. */
  public SimulationConfig withTraining(TrainingConfig training) {
    return new SimulationConfig(run, data, training, faults, defense, correction);
  }

  /** With {@code faults} instead. */
  public SimulationConfig withFaults(FaultConfig faults) {
    return new SimulationConfig(run, data, training, faults, defense, correction);
  }

  /** With {@code defense} instead. */
  public SimulationConfig withDefense(DefenseConfig defense) {
    return new SimulationConfig(run, data, training, faults, defense, correction);
  }

  /** With {@code correction} instead. */
  public SimulationConfig withCorrection(CorrectionConfig correction) {
    return new SimulationConfig(run, data, training, faults, defense, correction);
  }

  /** The run id. */
  public String runId() {
    return run.runId();
  }

  /** The one seed. */
  public long seed() {
    return run.seed();
  }

  /** The number of workers, n. */
  public int workers() {
    return data.workers();
  }
}
