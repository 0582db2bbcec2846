/**
 * Detectors of faulty workers: per step, from the reports alone, a suspicion score and a flag per
 * worker; and the scoring of those flags against the truth only a simulation knows.
 */
package org.ftsim.detection;
