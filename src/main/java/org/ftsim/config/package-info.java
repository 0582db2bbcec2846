/** The run configuration: plain values, checked against the run before it starts. */
package org.ftsim.config;
