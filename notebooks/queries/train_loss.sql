-- Train loss against step, at most 200 points per run: a run of S steps is cut into buckets of
-- ceil(S / 200) consecutive steps, each drawn at its last step with the mean loss over the bucket.
WITH width AS (
  SELECT run_id, (MAX(step) + 199) DIV 200 AS steps_per_point FROM steps GROUP BY run_id
)
SELECT s.run_id, MAX(s.step) AS step, AVG(s.train_loss) AS train_loss
FROM steps s JOIN width w ON s.run_id = w.run_id
GROUP BY s.run_id, (s.step - 1) DIV w.steps_per_point
ORDER BY run_id, step
