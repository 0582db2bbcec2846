-- One row per run: its settings, length in steps, final test metric and wall time.
SELECT r.run_id, r.status, r.dataset, r.arch, r.workers, size(r.faulty) AS faulty_workers,
       r.fault, r.defense, r.correct, r.seed, s.steps, e.metric_name, r.final_metric, r.wall_s,
       r.config_json
FROM runs r
LEFT JOIN (SELECT run_id, MAX(step) AS steps FROM steps GROUP BY run_id) s
  ON s.run_id = r.run_id
LEFT JOIN (SELECT run_id, MIN(metric_name) AS metric_name FROM evals GROUP BY run_id) e
  ON e.run_id = r.run_id
ORDER BY r.run_id
