-- k (the gradients aggregated) and the phase (normal, replica, corrected) at every step of the
-- runs that ran gradient correction.
SELECT s.run_id, s.step, s.k, s.phase
FROM steps s JOIN runs r ON s.run_id = r.run_id
WHERE r.correct
ORDER BY run_id, step
