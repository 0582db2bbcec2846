-- ByzFL's benchmark heatmap (LPD-EPFL/byzfl): for each rule chain (pre-aggregators → rule), one cell
-- per number of faulty workers × heterogeneity (the partition of the data): the worst case over
-- attacks of the best-over-time test accuracy, averaged over seeds. Settings that differ in anything
-- else (but the seed, the attack, the faulty workers, the partition, n and the declared f) are kept
-- apart by `setting`; runs of f = 0 have the attack 'none'. Runs that finished or diverged only.
WITH best AS (
  SELECT run_id, MAX(metric) AS best
  FROM evals
  WHERE metric_name = 'accuracy'
  GROUP BY run_id
),
settings AS (
  SELECT run_id,
         regexp_replace(regexp_replace(config_json, '"faultOf":\\{[^}]*\\},?', ''),
           '"(runId|resultsDir|dataDir|master|proc|logEvery|checkpointEvery|collectPath|seed|faulty|fault|partition|workers|tolerate|defense|pre)":("[^"]*"|\\[[^\\]]*\\]|[^,{}]*),?',
           '') AS setting,
         concat_ws(' → ', nullif(get_json_object(config_json, '$.defense.pre'), ''), defense)
           AS rule_chain,
         workers - size(faulty) AS honest_workers,
         size(faulty) AS faulty_workers,
         get_json_object(config_json, '$.data.partition') AS heterogeneity,
         CASE WHEN size(faulty) = 0 THEN 'none'
              ELSE concat_ws(' ', get_json_object(config_json, '$.faults.fault'),
                             nullif(get_json_object(config_json, '$.faults.faultOf'), '{}'))
         END AS attack
  FROM runs
  WHERE status IN ('finished', 'diverged')
),
per_attack AS (
  SELECT s.setting, s.rule_chain, s.honest_workers, s.faulty_workers, s.heterogeneity, s.attack,
         MIN(s.run_id) AS example_run, AVG(b.best) AS accuracy, COUNT(*) AS seeds
  FROM settings s
  JOIN best b ON b.run_id = s.run_id
  GROUP BY s.setting, s.rule_chain, s.honest_workers, s.faulty_workers, s.heterogeneity, s.attack
)
SELECT setting, rule_chain, honest_workers, faulty_workers, heterogeneity,
       MIN(accuracy) AS worst_accuracy, min_by(attack, accuracy) AS worst_attack,
       MIN(example_run) AS example_run, COUNT(*) AS attacks, MIN(seeds) AS seeds
FROM per_attack
GROUP BY setting, rule_chain, honest_workers, faulty_workers, heterogeneity
ORDER BY setting, rule_chain, faulty_workers, heterogeneity
