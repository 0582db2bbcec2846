/** The cost of a checkpoint at the MLP's size ({@code CheckpointCost}); run by hand. */
package org.ftsim.checkpoint.bench;
