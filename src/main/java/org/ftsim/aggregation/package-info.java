/**
 * Byzantine-robust aggregation rules and pre-aggregators over the worker-ordered gradient matrix.
 */
package org.ftsim.aggregation;
