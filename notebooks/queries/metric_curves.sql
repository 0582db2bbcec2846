-- The test metric (accuracy, or MSE for dummy) and test loss at every evaluation of every run.
SELECT run_id, step, metric_name, metric, test_loss
FROM evals
ORDER BY run_id, step
