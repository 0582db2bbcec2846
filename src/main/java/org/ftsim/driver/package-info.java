/**
 * The driver of one run: its components assembled and checked once, the run loop, and the step
 * pipeline (gradients, faults, correction, defense, optimizer, rows) that each step goes through.
 */
package org.ftsim.driver;
