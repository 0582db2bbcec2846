/**
 * Network architectures, one per {@code --arch} name in {@link
 * org.ftsim.model.ArchitectureRegistry}, as Deeplearning4j configurations, and their
 * initialisation.
 */
package org.ftsim.model;
