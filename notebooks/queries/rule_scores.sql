-- One row per run whose workers rows carry the defense's verdicts: how well what the defense did
-- with each report separates the worker-steps that misbehaved (fault IS NOT NULL: the truth only a
-- simulation knows) from the others, over the worker-steps whose reports entered the defense.
-- rule_suspicion is the share of the report the defense discarded; rule_score the rule's own score
-- (Krum's, the distance to the geometric median, ...; null for rules without one, so score_* only
-- count the scored rows). For each: the mean over misbehaving and over behaving worker-steps, and
-- the ROC AUC, the probability that a misbehaving worker-step scores above a behaving one (ties
-- count one half), from average ranks r: AUC = (sum of r over the P positives - P(P+1)/2) / (P N);
-- null without positives or negatives. 0.5 is chance, 1 a perfect separation.
WITH judged AS (
  SELECT run_id, fault IS NOT NULL AS positive, rule_suspicion, rule_score
  FROM workers
  WHERE rule_suspicion IS NOT NULL
),
ranked AS (
  SELECT run_id, positive, rule_suspicion, rule_score,
         CAST(RANK() OVER (PARTITION BY run_id ORDER BY rule_suspicion) AS DOUBLE)
           + (COUNT(*) OVER (PARTITION BY run_id, rule_suspicion) - 1) / 2D AS suspicion_rank,
         IF(rule_score IS NULL, NULL,
            CAST(RANK() OVER (PARTITION BY run_id, rule_score IS NULL ORDER BY rule_score)
                 AS DOUBLE)
              + (COUNT(*) OVER (PARTITION BY run_id, rule_score) - 1) / 2D) AS score_rank
  FROM judged
),
counted AS (
  SELECT run_id,
         COUNT(*) AS worker_steps,
         SUM(IF(positive, 1, 0)) AS misbehaving,
         AVG(IF(positive, rule_suspicion, NULL)) AS suspicion_misbehaving,
         AVG(IF(positive, NULL, rule_suspicion)) AS suspicion_behaving,
         SUM(IF(positive, suspicion_rank, 0D)) AS suspicion_rank_sum,
         SUM(IF(positive AND rule_score IS NOT NULL, 1, 0)) AS scored_positives,
         SUM(IF(NOT positive AND rule_score IS NOT NULL, 1, 0)) AS scored_negatives,
         AVG(IF(positive, rule_score, NULL)) AS score_misbehaving,
         AVG(IF(positive, NULL, rule_score)) AS score_behaving,
         SUM(IF(positive AND rule_score IS NOT NULL, score_rank, 0D)) AS score_rank_sum
  FROM ranked
  GROUP BY run_id
)
SELECT c.run_id, r.defense, r.fault, c.worker_steps, c.misbehaving,
       c.suspicion_misbehaving, c.suspicion_behaving,
       (c.suspicion_rank_sum - c.misbehaving * (c.misbehaving + 1) / 2D)
         / NULLIF(CAST(c.misbehaving AS DOUBLE) * (c.worker_steps - c.misbehaving), 0D)
         AS suspicion_auc,
       c.score_misbehaving, c.score_behaving,
       (c.score_rank_sum - c.scored_positives * (c.scored_positives + 1) / 2D)
         / NULLIF(CAST(c.scored_positives AS DOUBLE) * c.scored_negatives, 0D) AS score_auc,
       r.final_metric
FROM counted c JOIN runs r ON r.run_id = c.run_id
ORDER BY c.run_id
