package org.ftsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The report's table of what the defenses themselves say about the workers: one row per run with
 * misbehaving workers, from {@link Query#RULE_SCORES}: the mean share of a report the defense
 * discarded for misbehaving and for behaving worker-steps, and the ROC AUC of that share (and of
 * the rule's own score, where it has one) against the truth.
 */
final class RuleScoreSection {

  static final List<String> HEADER =
      List.of(
          "run",
          "settings",
          "defense",
          "fault",
          "worker-steps",
          "misbehaving",
          "discarded (misbehaving)",
          "discarded (behaving)",
          "AUC of rule_suspicion",
          "rule_score (misbehaving)",
          "rule_score (behaving)",
          "AUC of rule_score",
          "final metric");

  private RuleScoreSection() {}

  /** The section, or null when no run has a misbehaving worker-step judged by its defense. */
  static Section of(SparkSession spark, Map<String, String> labels) {
    List<List<String>> table = new ArrayList<>();
    table.add(HEADER);
    for (Row r : Query.RULE_SCORES.run(spark).collectAsList()) {
      if (r.<Long>getAs("misbehaving") == 0) {
        continue;
      }
      String run = r.getAs("run_id");
      String label = labels.getOrDefault(run, run);
      table.add(
          List.of(
              run,
              label.equals(run) ? "" : label,
              r.<String>getAs("defense"),
              r.getAs("fault") == null ? "" : r.<String>getAs("fault"),
              String.valueOf(r.<Long>getAs("worker_steps")),
              String.valueOf(r.<Long>getAs("misbehaving")),
              number(r, "suspicion_misbehaving"),
              number(r, "suspicion_behaving"),
              number(r, "suspicion_auc"),
              number(r, "score_misbehaving"),
              number(r, "score_behaving"),
              number(r, "score_auc"),
              number(r, "final_metric")));
    }
    if (table.size() == 1) {
      return null;
    }
    String note =
        "What each defense did with each report (the workers table's rule_suspicion: the share of"
            + " the report it discarded, 0 kept whole to 1 left out; rule_score: the rule's own"
            + " score, e.g. Krum's, where it has one), against the truth: a worker-step is"
            + " misbehaving when that worker corrupted its report at that step. AUC: the"
            + " probability that a misbehaving worker-step scores above a behaving one (ties"
            + " one half); 0.5 is chance, 1 a perfect separation, '-' without both kinds.";
    return new Section("rule-scores", "What the defense saw", note, List.of(), table);
  }

  private static String number(Row r, String column) {
    Object v = r.getAs(column);
    return v == null ? "-" : String.format(Locale.ROOT, "%.4g", ((Number) v).doubleValue());
  }
}
