package org.ftsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report's detection summary ({@code --detect}): one table row per run with a detector, from
 * {@link Query#DETECTIONS}: precision, recall and F1 of its flags against the truth, the steps to
 * the first correct flag of each faulty worker, the false flags and the flags of honest workers,
 * the extra gradients it computed (redundancy), and the run's final metric.
 */
final class DetectionSection {

  static final List<String> HEADER =
      List.of(
          "run",
          "settings",
          "detector",
          "defense",
          "fault",
          "steps",
          "precision",
          "recall",
          "F1",
          "steps to detection (faulty workers)",
          "false flags",
          "honest flags",
          "extra gradients",
          "final metric");

  private DetectionSection() {}

  /** The section, or null when no run named a detector. */
  static Section of(SparkSession spark, Map<String, String> labels) {
    List<Row> rows = Query.DETECTIONS.run(spark).collectAsList();
    if (rows.isEmpty()) {
      return null;
    }
    List<List<String>> table = new ArrayList<>();
    table.add(HEADER);
    for (Row r : rows) {
      String run = r.getAs("run_id");
      String label = labels.getOrDefault(run, run);
      table.add(
          List.of(
              run,
              label.equals(run) ? "" : label,
              r.<String>getAs("detector"),
              r.<String>getAs("defense"),
              r.getAs("fault") == null ? "" : r.<String>getAs("fault"),
              String.valueOf(r.<Integer>getAs("steps")),
              ratio(r, "precision"),
              ratio(r, "recall"),
              ratio(r, "f1"),
              delays(r),
              String.valueOf(r.<Long>getAs("false_flags")),
              String.valueOf(r.<Long>getAs("honest_flags")),
              String.valueOf(r.<Long>getAs("extra_gradients")),
              ratio(r, "final_metric")));
    }
    String note =
        "Each detector's flags scored against the truth only a simulation knows: a worker-step is"
            + " positive when that worker misbehaved at that step (a --fault-prob worker behaving,"
            + " or one before --fault-start, is negative). Precision = TP/(TP+FP), recall ="
            + " TP/(TP+FN), F1 = 2TP/(2TP+FP+FN), '-' when a denominator is 0. Steps to detection:"
            + " per faulty worker (in -f's order), the steps from its first misbehaviour to its"
            + " first correct flag (0: at once; null: never). False flags: flags at worker-steps"
            + " without misbehaviour; honest flags: flags of workers outside -f. Extra gradients:"
            + " the gradients computed for the detector alone (redundancy's copies).";
    return new Section("detection", "Detection", note, List.of(), table);
  }

  private static String ratio(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? "-" : String.format(Locale.ROOT, "%.4f", ((Number) v).doubleValue());
  }

  private static String delays(Row r) {
    List<Object> workers = r.getList(r.fieldIndex("faulty_workers"));
    List<Object> delays = r.getList(r.fieldIndex("delays"));
    List<String> parts = new ArrayList<>();
    for (int i = 0; i < workers.size(); i++) {
      parts.add(workers.get(i) + ": " + delays.get(i));
    }
    return String.join(", ", parts);
  }
}
