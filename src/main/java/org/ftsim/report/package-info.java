/**
 * {@code ftsim report}: one self-contained HTML page of charts over a results directory, drawn from
 * the notebooks' own Spark SQL queries.
 */
package org.ftsim.report;
