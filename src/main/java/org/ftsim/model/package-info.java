/** Network architectures as Deeplearning4j configurations, and their initialisation. */
package org.ftsim.model;
