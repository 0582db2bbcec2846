-- The true error of the corrected gradients (SPEC §7) against step, at most 200 points per run
-- (buckets of ceil(S / 200) steps, as train_loss.sql): mean, lowest and highest finite error
-- over the corrected workers and steps of a bucket.
WITH width AS (
  SELECT run_id, (MAX(step) + 199) DIV 200 AS steps_per_point FROM steps GROUP BY run_id
),
errors AS (
  SELECT run_id, step,
         IF(NOT isnan(true_error) AND abs(true_error) < CAST('Infinity' AS DOUBLE), true_error,
            NULL) AS error
  FROM corrections
)
SELECT e.run_id, MAX(e.step) AS step, AVG(e.error) AS mean_error, MIN(e.error) AS min_error,
       MAX(e.error) AS max_error, COUNT(*) AS corrected
FROM errors e JOIN width w ON e.run_id = w.run_id
GROUP BY e.run_id, (e.step - 1) DIV w.steps_per_point
ORDER BY run_id, step
