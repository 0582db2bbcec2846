/**
 * Grids of runs ({@code ftsim sweep}): reading a grid file, expanding it into runs, their stable
 * ids, and the progress of a sweep. Plain Java: Spark and the run loop are the command's.
 */
package org.ftsim.sweep;
