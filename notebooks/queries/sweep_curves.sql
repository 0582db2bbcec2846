-- Test-metric curves over seeds: per setting (a run's configuration but its seed and where it ran)
-- and step, the mean over seeds and a band of ±1.96·std/√seeds (std the sample standard deviation;
-- no band for one seed). Runs that finished or diverged only.
WITH settings AS (
  SELECT run_id,
         regexp_replace(config_json,
           '"(runId|resultsDir|dataDir|master|proc|logEvery|checkpointEvery|collectPath|seed)":("[^"]*"|[^,}]*),?',
           '') AS setting,
         concat_ws(' → ', nullif(get_json_object(config_json, '$.defense.pre'), ''), defense)
           AS rule_chain
  FROM runs
  WHERE status IN ('finished', 'diverged')
),
stats AS (
  SELECT s.setting, s.rule_chain, e.metric_name, e.step, MIN(s.run_id) AS example_run,
         COUNT(*) AS seeds,
         AVG(e.metric) AS mean, COALESCE(stddev_samp(e.metric), 0D) AS std
  FROM settings s
  JOIN evals e ON e.run_id = s.run_id AND substr(e.metric_name, 1, 4) <> 'val_'
  GROUP BY s.setting, s.rule_chain, e.metric_name, e.step
)
SELECT setting, rule_chain, metric_name, step, example_run, seeds, mean, std,
       mean - 1.96D * std / sqrt(seeds) AS lower, mean + 1.96D * std / sqrt(seeds) AS upper
FROM stats
ORDER BY setting, metric_name, step
