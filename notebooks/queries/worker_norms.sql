-- Gradient norms of the honest and the faulty workers against step, at most 200 points per run
-- (buckets of ceil(S / 200) steps, as train_loss.sql): per run, bucket and kind of worker, the
-- 10th, 50th and 90th percentiles and the mean of the finite norms reported, how many they are,
-- and how many reports had no finite norm (a crash reports nothing; nan and inf faults).
WITH width AS (
  SELECT run_id, (MAX(step) + 199) DIV 200 AS steps_per_point FROM steps GROUP BY run_id
),
reports AS (
  SELECT run_id, step, faulty,
         IF(NOT isnan(grad_norm) AND abs(grad_norm) < CAST('Infinity' AS DOUBLE), grad_norm, NULL)
           AS norm
  FROM workers
),
buckets AS (
  SELECT r.run_id, MAX(r.step) AS step, IF(r.faulty, 'faulty', 'honest') AS workers,
         percentile_approx(r.norm, array(0.1, 0.5, 0.9)) AS q, AVG(r.norm) AS mean,
         COUNT(r.norm) AS finite_reports, COUNT(*) - COUNT(r.norm) AS other_reports
  FROM reports r JOIN width w ON r.run_id = w.run_id
  GROUP BY r.run_id, (r.step - 1) DIV w.steps_per_point, r.faulty
)
SELECT run_id, step, workers, q[0] AS p10, q[1] AS p50, q[2] AS p90, mean, finite_reports,
       other_reports
FROM buckets
ORDER BY run_id, workers, step
