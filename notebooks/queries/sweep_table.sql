-- The table of Karimireddy, He and Jaggi's bucketing paper (epfml/byzantine-robust-noniid-optimizer,
-- exp1.py): per run, the mean of its last 5 evaluations; then per setting (a run's configuration but
-- its seed and where it ran), the mean and the sample standard deviation (pandas' std) over seeds.
-- Runs that finished or diverged only; test-set evaluations only (not --validation's val_ rows).
WITH ranked AS (
  SELECT run_id, metric_name, metric,
         ROW_NUMBER() OVER (PARTITION BY run_id ORDER BY step DESC) AS from_end
  FROM evals
  WHERE substr(metric_name, 1, 4) <> 'val_'
),
last5 AS (
  SELECT run_id, MIN(metric_name) AS metric_name, AVG(metric) AS last5
  FROM ranked
  WHERE from_end <= 5
  GROUP BY run_id
),
settings AS (
  SELECT run_id,
         regexp_replace(config_json,
           '"(runId|resultsDir|dataDir|master|proc|logEvery|checkpointEvery|collectPath|seed)":("[^"]*"|[^,}]*),?',
           '') AS setting,
         concat_ws(' → ', nullif(get_json_object(config_json, '$.defense.pre'), ''), defense)
           AS rule_chain,
         size(faulty) AS faulty_workers,
         CASE WHEN size(faulty) = 0 THEN 'none'
              ELSE get_json_object(config_json, '$.faults.fault') END AS attack,
         get_json_object(config_json, '$.data.partition') AS heterogeneity
  FROM runs
  WHERE status IN ('finished', 'diverged')
)
SELECT s.setting, s.rule_chain, s.faulty_workers, s.attack, s.heterogeneity, l.metric_name,
       MIN(s.run_id) AS example_run, COUNT(*) AS seeds, AVG(l.last5) AS mean, stddev_samp(l.last5) AS std
FROM settings s
JOIN last5 l ON l.run_id = s.run_id
GROUP BY s.setting, s.rule_chain, s.faulty_workers, s.attack, s.heterogeneity, l.metric_name
ORDER BY s.rule_chain, s.faulty_workers, s.attack, s.heterogeneity, s.setting
