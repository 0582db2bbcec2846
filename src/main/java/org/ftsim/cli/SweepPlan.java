package org.ftsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.ftsim.config.ConfigException;
import org.ftsim.config.SimulationConfig;
import org.ftsim.data.DatasetRegistry;
import org.ftsim.driver.Assembly;
import org.ftsim.sweep.Grid;
import org.ftsim.sweep.GridException;
import org.ftsim.sweep.RunId;
import org.kohsuke.args4j.CmdLineException;

/**
 * The runs of a grid, each built and checked up front exactly as {@code ftsim train} builds and
 * checks its configuration, so that a bad key or value is refused before any run starts; each run
 * gets its stable id ({@link RunId}). Two grid points that describe the same run are one run.
 */
final class SweepPlan {

  /** The flattened configuration paths that say where a run executes, not what it computes. */
  static final Set<String> PLACEMENT =
      Set.of(
          "run.runId",
          "run.resultsDir",
          "run.dataDir",
          "run.master",
          "run.proc",
          "run.logEvery",
          "run.checkpointEvery",
          "correction.collectPath");

  /**
   * A run of the sweep.
   *
   * @param id its stable id
   * @param point its grid point (key → value, in file order)
   * @param label its values of the grid's varying keys, e.g. {@code defense=krum seed=2}
   * @param config its checked configuration, with the id and the sweep's results directory
   * @param tensorboard whether it also writes TensorBoard event files
   */
  record Run(
      String id,
      Map<String, Object> point,
      String label,
      SimulationConfig config,
      boolean tensorboard) {}

  private SweepPlan() {}

  /**
   * The distinct runs of {@code grid}, in grid order, writing under {@code resultsDir}.
   *
   * @throws GridException naming the key and value (and the run's varying settings) of the first
   *     bad one
   */
  static List<Run> of(Grid grid, String resultsDir) {
    GridKeys keys = new GridKeys();
    // Each key and value alone first: a parse error then names its key and value exactly.
    for (Map.Entry<String, List<Object>> axis : grid.axes().entrySet()) {
      keys.check(axis.getKey());
      for (Object value : axis.getValue()) {
        parse(keys.args(axis.getKey(), value), axis.getKey() + ": " + value);
      }
    }
    List<String> varying = grid.varying();
    Map<String, Run> runs = new LinkedHashMap<>();
    for (Map<String, Object> point : grid.points()) {
      StringJoiner label = new StringJoiner(" ");
      for (String key : varying) {
        label.add(key + "=" + text(point.get(key)));
      }
      List<String> args = new ArrayList<>(keys.args(point));
      args.add("-tb");
      args.add(resultsDir);
      String where = varying.isEmpty() ? "the run" : "run " + label;
      TrainCommand command = parse(args, where);
      SimulationConfig config;
      try {
        config = Assembly.check(Assembly.resolve(command.toConfig()));
      } catch (ConfigException | UserError e) {
        throw new GridException(where + ": " + e.getMessage());
      }
      String id = RunId.of(config.data().dataset(), settings(config));
      runs.putIfAbsent(
          id,
          new Run(
              id,
              point,
              label.toString(),
              config.withRun(config.run().withRunId(id)),
              command.tensorboard));
    }
    for (Run run : runs.values()) {
      String dataset = run.config().data().dataset();
      String missing =
          DatasetRegistry.get(dataset).missingFiles(Path.of(run.config().run().dataDir()));
      if (missing != null) {
        throw new GridException(
            "dataset: "
                + dataset
                + ": "
                + missing
                + " (--data-dir "
                + run.config().run().dataDir()
                + ")");
      }
    }
    return List.copyOf(runs.values());
  }

  /**
   * The canonical settings of {@code config} (resolved): its flattened entries that differ from
   * those of {@code ftsim train -d DATASET}, placement left out.
   */
  static Map<String, String> settings(SimulationConfig config) {
    TrainCommand baseline = new TrainCommand();
    baseline.dataset = config.data().dataset();
    SimulationConfig base = Assembly.resolve(baseline.toConfig());
    return RunId.settings(flatten(config), flatten(base), PLACEMENT);
  }

  /** {@code config}'s JSON as path → value: objects flattened, arrays and scalars as JSON text. */
  static Map<String, String> flatten(SimulationConfig config) {
    Map<String, String> out = new LinkedHashMap<>();
    flatten("", new ObjectMapper().valueToTree(config), out);
    return out;
  }

  private static void flatten(String path, JsonNode node, Map<String, String> out) {
    if (node.isObject()) {
      node.fields()
          .forEachRemaining(
              f ->
                  flatten(
                      path.isEmpty() ? f.getKey() : path + "." + f.getKey(), f.getValue(), out));
    } else {
      out.put(path, node.toString());
    }
  }

  private static TrainCommand parse(List<String> args, String where) {
    TrainCommand command = new TrainCommand();
    try {
      Options.parser(command).parseArgument(args);
      // Values checked when the configuration is built (worker indices, --fault-of).
      command.toConfig();
    } catch (CmdLineException | UserError e) {
      throw new GridException(where + ": " + e.getMessage());
    }
    return command;
  }

  private static String text(Object value) {
    return value instanceof List<?> list
        ? "[" + String.join(" ", list.stream().map(String::valueOf).toList()) + "]"
        : String.valueOf(value);
  }
}
