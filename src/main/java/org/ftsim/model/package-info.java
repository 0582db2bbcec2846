/**
 * Network architectures as Deeplearning4j configurations, their initialisation, and the {@link
 * org.ftsim.model.Network} the workers train: flat parameters in, gradients of the mean loss out.
 */
package org.ftsim.model;
