/** The result tables (SPEC §8) and the sink that writes them as Parquet. */
package org.ftsim.results;
