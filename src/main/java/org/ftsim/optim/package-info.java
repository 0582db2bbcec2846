/** Optimizers on flat parameter vectors and the learning-rate scaling with k. */
package org.ftsim.optim;
