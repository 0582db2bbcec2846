/**
 * Datasets: one descriptor per dataset in {@link org.ftsim.data.DatasetRegistry} (shape, classes,
 * files, loader, defaults), the IDX and CIFAR readers, the partitions that deal the training set to
 * the workers, and the plan of which samples each worker computes on.
 */
package org.ftsim.data;
