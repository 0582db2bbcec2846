/**
 * Checkpoints of a run ({@code --checkpoint-every}) and resuming a killed run from its last one
 * ({@code --resume}): the driver's whole state, written atomically next to the results, and the
 * rows a resumed run must not write twice.
 */
package org.ftsim.checkpoint;
