package org.ftsim.data;

/** A dataset's training and test parts. */
public record TrainTest(Dataset train, Dataset test) {}
