/**
 * Fault models: what faulty workers report instead of their honest gradients ({@link
 * org.ftsim.fault.Fault}, one class per fault, by name in {@link org.ftsim.fault.FaultRegistry},
 * with the {@code optimal:} and {@code shared:} modifiers), and when ({@link
 * org.ftsim.fault.FaultPlan}); adaptive faults query the run's defense through {@link
 * org.ftsim.fault.DefenseProbe}.
 */
package org.ftsim.fault;
