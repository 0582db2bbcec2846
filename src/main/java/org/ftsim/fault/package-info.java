/**
 * Fault models: what faulty workers report instead of their honest gradients ({@link
 * org.ftsim.fault.Fault}, one class per fault of SPEC §5, by name in {@link
 * org.ftsim.fault.FaultRegistry}), and when ({@link org.ftsim.fault.FaultPlan}).
 */
package org.ftsim.fault;
