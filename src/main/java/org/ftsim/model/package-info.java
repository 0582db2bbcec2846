/**
 * Network architectures, one per {@code --arch} name in {@link
 * org.ftsim.model.ArchitectureRegistry}, as Deeplearning4j configurations, their initialisation,
 * and the {@link org.ftsim.model.Network} the workers train: flat parameters in, gradients of the
 * mean loss out.
 */
package org.ftsim.model;
