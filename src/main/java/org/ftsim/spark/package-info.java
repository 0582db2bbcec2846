/** The distributed step on Spark: workers hosted by partitions, cached networks, evaluation. */
package org.ftsim.spark;
