package org.ftsim.tensorboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ftsim.results.Rows;

/** The result rows of an imported run: what its event files and its folder's name say. */
final class ImportedRows {

  private ImportedRows() {}

  /** The steps and evals rows of {@code run}; what an event file does not hold is NaN or 0. */
  static List<Rows.Result> rows(Import.Run run) {
    List<Rows.Result> rows = new ArrayList<>();
    double previous = run.firstWallTime();
    for (Map.Entry<Long, Double> e : run.loss().entrySet()) {
      double wall = run.lossWallTime().get(e.getKey());
      double nan = Double.NaN;
      rows.add(
          new Rows.StepRow(
              run.runId(),
              0,
              Math.toIntExact(e.getKey()),
              e.getValue(),
              nan,
              0,
              Import.PHASE,
              nan,
              nan,
              (wall - previous) * 1e3,
              nan,
              nan,
              nan));
      previous = wall;
    }
    for (Map.Entry<Long, Double> e : run.metric().entrySet()) {
      rows.add(
          new Rows.EvalRow(
              run.runId(),
              0,
              Math.toIntExact(e.getKey()),
              run.metricName(),
              e.getValue(),
              run.testLoss().getOrDefault(e.getKey(), Double.NaN),
              Double.NaN));
    }
    return rows;
  }

  /** The runs row of {@code run}. */
  static Rows.RunRow runRow(Import.Run run) {
    FolderName n = run.name();
    List<Integer> faulty = new ArrayList<>();
    for (int w = 0; w < n.faulty(); w++) {
      faulty.add(w);
    }
    return new Rows.RunRow(
        run.runId(),
        new Timestamp(Math.round(run.firstWallTime() * 1e3)),
        new Timestamp(Math.round(run.lastWallTime() * 1e3)),
        Import.STATUS,
        codeVersion(),
        configJson(run),
        n.dataset(),
        n.arch(),
        n.workers(),
        faulty,
        n.faulty() > 0 ? FolderName.UNKNOWN : null,
        FolderName.UNKNOWN,
        n.correct(),
        0,
        n.globalBatch(),
        0,
        Double.NaN,
        run.finalMetric(),
        run.lastWallTime() - run.firstWallTime(),
        Math.toIntExact(run.lastStep()),
        run.problems().isEmpty()
            ? null
            : run.problems().size()
                + " corrupt record(s) skipped: "
                + String.join("; ", run.problems()));
  }

  /**
   * The configuration JSON of an imported run, grouped as ftsim's: only what the folder says, and
   * where it came from ({@code run.importedFrom}).
   */
  private static String configJson(Import.Run run) {
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    FolderName n = run.name();
    root.putObject("run").put("runId", run.runId()).put("importedFrom", run.folder());
    root.putObject("data")
        .put("dataset", n.dataset())
        .put("workers", n.workers())
        .put("globalBatchSize", n.globalBatch());
    root.putObject("training").put("arch", n.arch());
    root.putObject("faults").put("faultyCount", n.faulty());
    root.putObject("correction").put("enabled", n.correct());
    return root.toString();
  }

  private static String codeVersion() {
    String v = ImportedRows.class.getPackage().getImplementationVersion();
    return v != null ? v : "dev";
  }
}
