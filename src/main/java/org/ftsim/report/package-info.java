/**
 * {@code ftsim report}: one self-contained HTML page of charts over a results directory, drawn from
 * the notebooks' own Spark SQL queries, and over a correction study's table.
 */
package org.ftsim.report;
