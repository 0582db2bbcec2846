-- One row per run with a detector (--detect): its flags scored against the truth the simulation
-- knows (precision, recall and F1 over the worker-steps whose reports arrived), the steps from each
-- faulty worker's first misbehaviour to its first correct flag (null: never caught), the flags of
-- workers outside -f, the extra gradients it computed, and the run's defense and final metric.
SELECT d.run_id, d.detector, r.defense, r.fault, d.steps, d.precision, d.recall, d.f1,
       d.true_flags, d.false_flags, d.missed, d.honest_flags, d.faulty_workers, d.delays,
       d.detected, d.mean_delay, d.extra_gradients, r.final_metric
FROM detections d JOIN runs r ON r.run_id = d.run_id
ORDER BY d.run_id
