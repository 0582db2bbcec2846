/** The ftsim command line (args4j): commands, options, and one-line user errors. */
package org.ftsim.cli;
