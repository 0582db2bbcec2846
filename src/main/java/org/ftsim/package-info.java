/** ftsim: simulated Byzantine-faulty data-parallel training on Spark; the driver loop. */
package org.ftsim;
