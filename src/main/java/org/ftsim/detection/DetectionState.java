package org.ftsim.detection;

/**
 * What detection carries from step to step, for checkpoints.
 *
 * @param detector the detector's own state ({@link Detector#state()})
 * @param score the score of its flags so far
 */
public record DetectionState(double[] detector, DetectionScore.State score) {}
