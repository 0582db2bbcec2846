/** Datasets: IDX readers, generated sets, and the plan of which samples each worker computes on. */
package org.ftsim.data;
