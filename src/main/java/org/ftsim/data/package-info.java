/**
 * Datasets: IDX and CIFAR readers, generated sets, the partitions that deal the training set to the
 * workers, and the plan of which samples each worker computes on.
 */
package org.ftsim.data;
