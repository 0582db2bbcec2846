/**
 * A bridge for DL4J 1.0.0-M2.1's oneDNN helpers, which look for libnd4j's environment under this
 * package's old name ({@link org.nd4j.nativeblas.Nd4jCpu}); not ftsim's own code.
 */
package org.nd4j.nativeblas;
