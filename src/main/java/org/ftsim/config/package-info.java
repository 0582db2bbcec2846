/**
 * The run configuration, component specifications and the seed splitting every random draw uses.
 */
package org.ftsim.config;
