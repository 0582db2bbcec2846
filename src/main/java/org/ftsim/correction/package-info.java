/**
 * Gradient correction (SPEC §7): per faulty worker, a regression learned in replica phases from its
 * corrupted gradients to a healthy worker's true ones ({@link org.ftsim.correction.Regressor}, by
 * name in {@link org.ftsim.correction.RegressorRegistry}), applied in the correction phases by
 * {@link org.ftsim.correction.Corrector} on the schedule of {@link
 * org.ftsim.correction.CorrectionSchedule}.
 */
package org.ftsim.correction;
