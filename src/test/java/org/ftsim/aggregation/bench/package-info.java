/**
 * JMH benchmarks of the aggregation rules at the sizes of the issue; run with bench/aggregation.
 */
package org.ftsim.aggregation.bench;
